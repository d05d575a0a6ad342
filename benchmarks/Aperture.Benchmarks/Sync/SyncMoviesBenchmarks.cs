using Aperture.Benchmarks.Common;
using Aperture.Jobs;
using Aperture.Jobs.Movies;
using Aperture.MediaServers;
using Aperture.Testing;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aperture.Benchmarks.Sync;

/// <summary>
/// <c>sync-movies</c> of 2 000 and 20 000 movies from the Jellyfin emulator (pages of 500, 4 at a time, over loopback
/// HTTP): a first import into a fresh SQLite file, a re-sync where nothing changed, and a first import into the
/// in-memory store; the baseline only lists the movies through the client (HTTP and JSON, no store). The emulator runs
/// in a second process (<see cref="EmulatorProcess"/>), so time, allocations and memory are the sync's alone.
/// </summary>
/// <remarks>
/// <c>Peak RSS</c> is the benchmark process's peak during the operation; <c>RSS growth</c> is what the operation added
/// to what the process held before it (runtime, BenchmarkDotNet, earlier cases' leftovers), the figure the 300 MB
/// target is about.
/// </remarks>
/// <example><c>dotnet run -c Release --project benchmarks/Aperture.Benchmarks -- --filter '*SyncMovies*' --inProcess --warmupCount 1 --iterationCount 3</c></example>
[MemoryDiagnoser]
[PeakMemoryColumn]
public class SyncMoviesBenchmarks
{
    private readonly PeakMemoryScope _memory = new();
    private EmulatorProcess _server = null!;
    private string _folder = "";
    private ServiceProvider _services = null!;

    /// <summary>Movies on the server.</summary>
    [Params(2_000, 20_000)]
    public int MovieCount { get; set; }

    [GlobalSetup]
    public void StartServer()
    {
        _server = EmulatorProcess.Start(MovieCount);
    }

    [GlobalCleanup]
    public void StopServer() => _server.Dispose();

    [IterationSetup(Target = nameof(ListOnly))]
    public void ListSetup()
    {
        _services = Compose(sqlite: false);
        Measure(nameof(ListOnly));
    }

    [IterationSetup(Target = nameof(InMemoryFirstImport))]
    public void InMemorySetup()
    {
        _services = Compose(sqlite: false);
        Measure(nameof(InMemoryFirstImport));
    }

    [IterationSetup(Target = nameof(SqliteFirstImport))]
    public void FreshSqliteSetup()
    {
        _services = Compose(sqlite: true);
        Measure(nameof(SqliteFirstImport));
    }

    [IterationSetup(Target = nameof(SqliteUnchanged))]
    public void FilledSqliteSetup()
    {
        _services = Compose(sqlite: true);
        SyncAsync().GetAwaiter().GetResult();
        Measure(nameof(SqliteUnchanged));
    }

    [IterationCleanup]
    public void Dispose()
    {
        _memory.End();
        _services.Dispose();

        // Dropped, so the next case's memory figures do not carry this one's store (BenchmarkDotNet keeps instances).
        _services = null!;
        if (_folder.Length > 0)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
            _folder = "";
        }
    }

    [Benchmark(Baseline = true, Description = "list the movies (client only)")]
    public async Task<int> ListOnly()
    {
        var count = 0;
        await foreach (var movie in _services.GetRequiredService<IMediaServerClient>().GetMoviesAsync(_server.LibraryId))
        {
            count += movie.Title.Length > 0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark(Description = "sync-movies, first import, in-memory store")]
    public Task<JobResult> InMemoryFirstImport() => SyncAsync();

    [Benchmark(Description = "sync-movies, first import, SQLite")]
    public Task<JobResult> SqliteFirstImport() => SyncAsync();

    [Benchmark(Description = "sync-movies, nothing changed, SQLite")]
    public Task<JobResult> SqliteUnchanged() => SyncAsync();

    private async Task<JobResult> SyncAsync()
    {
        using var scope = _services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<SyncMoviesJob>();
        var context = new JobContext(Guid.NewGuid(), job.Name, null, JobTrigger.Manual, new NoProgress(), NullLogger.Instance, TimeProvider.System);
        var result = await job.RunAsync(context, CancellationToken.None).ConfigureAwait(false);
        return result["movies"] == MovieCount ? result : throw new InvalidOperationException($"Synced {result["movies"]} movies, not {MovieCount}.");
    }

    private void Measure(string method) => _memory.Begin(PeakMemoryColumnAttribute.Key(nameof(SyncMoviesBenchmarks), method, MovieCount));

    private ServiceProvider Compose(bool sqlite)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        var aperture = services.AddAperture().AddJellyfin(o => (o.BaseUrl, o.ApiKey) = (_server.BaseUrl.ToString(), _server.ApiKey));
        if (sqlite)
        {
            _folder = Directory.CreateTempSubdirectory("aperture-bench-sync-").FullName;
            aperture.AddSqliteStore(Path.Combine(_folder, "aperture.db"));
        }
        else
        {
            aperture.AddInMemoryStore();
        }

        aperture.AddSyncMoviesJob();
        return services.BuildServiceProvider();
    }

    private sealed class NoProgress : IJobProgress
    {
        public void BeginStep(int index, int count, string name, long? itemsTotal = null)
        {
        }

        public void SetItemsTotal(long itemsTotal)
        {
        }

        public void Advance(long items = 1, string? currentItem = null)
        {
        }
    }
}
