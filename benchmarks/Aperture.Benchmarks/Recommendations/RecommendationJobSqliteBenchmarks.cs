using Aperture.Embeddings;
using Aperture.Jobs;
using Aperture.Jobs.Movies;
using Aperture.Storage;
using Aperture.Testing.Data;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aperture.Benchmarks.Recommendations;

/// <summary>
/// The target size of <c>generate-movie-recommendations</c> (100 users × 20 000 movies × 1 536 d) on the SQLite store,
/// as a host runs it: the baseline reads the model's vectors alone (123 MB of blobs), then the whole job (catalogue,
/// vectors and watch history read from the file, session, every user's picks written back).
/// </summary>
/// <example><c>dotnet run -c Release --project benchmarks/Aperture.Benchmarks -- --filter '*RecommendationJobSqlite*' --inProcess --job short</c></example>
[MemoryDiagnoser]
public class RecommendationJobSqliteBenchmarks
{
    private string _folder = "";
    private ServiceProvider _provider = null!;
    private IEmbeddingStore _embeddings = null!;
    private GenerateRecommendationsJob _job = null!;
    private string _modelKey = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var server = SyntheticDataGenerator.Generate(new SyntheticDataOptions { Seed = 5, MovieCount = 20_000, UserCount = 100, VectorDimensions = 1_536 });
        _folder = Directory.CreateTempSubdirectory("aperture-bench-recs-").FullName;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddAperture(aperture => aperture.AddSqliteStore(Path.Combine(_folder, "aperture.db")).AddRecommender().AddGenerateMovieRecommendationsJob());
        services.AddSingleton<IActiveEmbeddingModel>(new FixedModel(server.Model!));
        _provider = services.BuildServiceProvider();
        await server.StoreAsync(_provider.GetRequiredService<IApertureStore>());
        _embeddings = _provider.GetRequiredService<IEmbeddingStore>();
        _job = _provider.GetRequiredService<GenerateRecommendationsJob>();
        _modelKey = server.Model!.Key;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "read 20 000 × 1 536 d vectors from SQLite")]
    public async Task<int> ReadVectors() => (await _embeddings.GetVectorsAsync(_modelKey)).Count;

    [Benchmark(Description = "generate-movie-recommendations job, SQLite")]
    public async Task<long> Job()
    {
        var context = new JobContext(Guid.NewGuid(), MovieJobNames.GenerateRecommendations, null, JobTrigger.Manual, new NoProgress(), NullLogger.Instance, TimeProvider.System);
        return (await _job.RunAsync(context, CancellationToken.None))["picks"];
    }

    private sealed class FixedModel(EmbeddingModelId model) : IActiveEmbeddingModel
    {
        public ValueTask<EmbeddingModelId> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(model);
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
