using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Jobs;
using Aperture.Jobs.Movies;
using Aperture.Recommendations;
using Aperture.Storage;
using Aperture.Testing.Data;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aperture.Benchmarks.Recommendations;

/// <summary>
/// The recommendation run at the size: 100 users, 20 000 movies, 1 536-dimensional vectors, on the synthetic
/// generator's server in the in-memory store. Opening a session (read everything, normalise 123 MB of vectors, build
/// the co-watching model) is the baseline; then the session serving all 100 users (profiles, blocked scoring,
/// candidates, blend, diversity, evidence, template explanations); then the whole job, store writes included.
/// </summary>
[MemoryDiagnoser]
public class RecommendationRunBenchmarks
{
    private ServiceProvider _provider = null!;
    private IRecommender _recommender = null!;
    private IReadOnlyList<UserAccount> _users = null!;
    private GenerateRecommendationsJob _job = null!;

    [GlobalSetup]
    public void Setup()
    {
        var server = SyntheticDataGenerator.Generate(new SyntheticDataOptions { Seed = 5, MovieCount = 20_000, UserCount = 100, VectorDimensions = 1_536 });
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddAperture(aperture => aperture.AddInMemoryStore().AddRecommender().AddGenerateMovieRecommendationsJob());
        services.AddSingleton<IActiveEmbeddingModel>(new FixedModel(server.Model!));
        _provider = services.BuildServiceProvider();
        server.StoreAsync(_provider.GetRequiredService<IApertureStore>()).GetAwaiter().GetResult();
        _recommender = _provider.GetRequiredService<IRecommender>();
        _users = _provider.GetRequiredService<IUserStore>().GetUsersAsync().GetAwaiter().GetResult();
        _job = _provider.GetRequiredService<GenerateRecommendationsJob>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> OpenSession() => (await _recommender.CreateSessionAsync()).MovieCount;

    [Benchmark]
    public async Task<int> SessionForAllUsers()
    {
        var session = await _recommender.CreateSessionAsync();
        var picks = 0;
        await foreach (var result in session.RecommendAsync(_users))
        {
            picks += result.Picks.Count;
        }

        return picks;
    }

    [Benchmark]
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
