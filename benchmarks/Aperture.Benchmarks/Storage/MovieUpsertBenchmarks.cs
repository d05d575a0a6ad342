using Aperture.Catalog;
using Aperture.Storage;
using Aperture.Storage.Sqlite;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aperture.Benchmarks.Storage;

/// <summary>
/// A first import of 10 000 movies into a fresh SQLite file, and a re-upsert of the same 10 000 (all unchanged,
/// as a daily sync mostly is), in batches of one media server page; the in-memory store is the baseline, and
/// one transaction per movie shows what batching saves.
/// </summary>
[MemoryDiagnoser]
public class MovieUpsertBenchmarks
{
    private const int MovieCount = 10_000;
    private const int BatchSize = 500;

    private Movie[] _movies = [];
    private string _folder = "";
    private IApertureStore _store = null!;

    [GlobalSetup]
    public void CreateMovies() => _movies = BenchmarkMovies.Create(MovieCount);

    [IterationSetup(Targets = [nameof(InMemoryFirstImport)])]
    public void NewInMemoryStore() => _store = new InMemoryApertureStore();

    [IterationSetup(Targets = [nameof(SqliteFirstImport), nameof(SqliteFirstImportOneMoviePerTransaction)])]
    public void NewSqliteStore() => _store = CreateSqliteStore();

    [IterationSetup(Targets = [nameof(SqliteReUpsertUnchanged)])]
    public void FilledSqliteStore()
    {
        _store = CreateSqliteStore();
        UpsertInBatchesAsync(BatchSize).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DeleteStore()
    {
        (_store as IDisposable)?.Dispose();
        if (_folder.Length > 0)
        {
            Directory.Delete(_folder, recursive: true);
            _folder = "";
        }
    }

    [Benchmark(Baseline = true)]
    public Task<int> InMemoryFirstImport() => UpsertInBatchesAsync(BatchSize);

    [Benchmark]
    public Task<int> SqliteFirstImport() => UpsertInBatchesAsync(BatchSize);

    [Benchmark]
    public Task<int> SqliteReUpsertUnchanged() => UpsertInBatchesAsync(BatchSize);

    [Benchmark]
    public Task<int> SqliteFirstImportOneMoviePerTransaction() => UpsertInBatchesAsync(1);

    private async Task<int> UpsertInBatchesAsync(int batchSize)
    {
        var stored = 0;
        foreach (var batch in _movies.Chunk(batchSize))
        {
            var result = await _store.UpsertMoviesAsync(batch).ConfigureAwait(false);
            stored += result.Added + result.Updated + result.Unchanged;
        }

        return stored;
    }

    private SqliteApertureStore CreateSqliteStore()
    {
        _folder = Directory.CreateTempSubdirectory("aperture-bench-").FullName;
        return new SqliteApertureStore(
            new SqliteStoreOptions { Path = Path.Combine(_folder, "aperture.db") },
            TimeProvider.System,
            NullLogger<SqliteApertureStore>.Instance);
    }
}
