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
/// The recommendation run at 1, 10 and 100 users over 2 000 and 20 000 movies with 1 536-dimensional vectors, on the
/// synthetic generator's server in the in-memory store. The baseline is one streaming pass over the same matrix (the
/// memory-bandwidth floor: summing the floats, nothing else); then the scoring phase alone (every user's interests
/// scored against every movie, in groups of at most <see cref="QueriesPerGroup"/> queries, as the session does);
/// opening a session (read everything, normalise the vectors, build the co-watching model); the open session serving
/// every user (profiles, blocked scoring, candidates, blend, diversity, evidence, template explanations); and the whole
/// <c>generate-movie-recommendations</c> job, session and store writes included.
/// </summary>
/// <example><c>dotnet run -c Release --project benchmarks/Aperture.Benchmarks -- --filter '*RecommendationRun*' --inProcess --job short</c></example>
[MemoryDiagnoser]
public class RecommendationRunBenchmarks
{
    /// <summary>The session's group size: queries scored in one pass over the vectors.</summary>
    private const int QueriesPerGroup = 128;

    private const int Dimensions = 1_536;

    private ServiceProvider _provider = null!;
    private IRecommender _recommender = null!;
    private IRecommendationSession _session = null!;
    private IReadOnlyList<UserAccount> _users = null!;
    private GenerateRecommendationsJob _job = null!;
    private RecommendationDataset _dataset = null!;
    private float[] _matrix = null!;
    private float[][] _queryGroups = null!;
    private float[] _scores = null!;

    /// <summary>Users on the server.</summary>
    [Params(1, 10, 100)]
    public int Users { get; set; }

    /// <summary>Films in the catalogue (the generator adds about 2 % copies and remakes).</summary>
    [Params(2_000, 20_000)]
    public int Movies { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var server = SyntheticDataGenerator.Generate(new SyntheticDataOptions { Seed = 5, MovieCount = Movies, UserCount = Users, VectorDimensions = Dimensions });
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddAperture(aperture => aperture.AddInMemoryStore().AddRecommender().AddGenerateMovieRecommendationsJob());
        services.AddSingleton<IActiveEmbeddingModel>(new FixedModel(server.Model!));
        _provider = services.BuildServiceProvider();
        await server.StoreAsync(_provider.GetRequiredService<IApertureStore>());
        _recommender = _provider.GetRequiredService<IRecommender>();
        _session = await _recommender.CreateSessionAsync();
        _users = await _provider.GetRequiredService<IUserStore>().GetUsersAsync();
        _job = _provider.GetRequiredService<GenerateRecommendationsJob>();

        // The scoring phase's input, built as the session builds it: each user's interests, grouped.
        var options = new RecommendationOptions();
        _dataset = RecommendationDataset.Create(server.Model!, server.Movies, server.Vectors, server.WatchStates, server.Options.Now);
        var queries = _users
            .Select(user => TasteProfileBuilder.Build(TasteProfileBuilder.SelectItems(_dataset.WatchesOf(user.Id), options, _dataset.Now), _dataset, options))
            .SelectMany(profile => profile.Interests)
            .Select(interest => interest.Vector)
            .ToList();
        _queryGroups = [.. queries.Chunk(QueriesPerGroup).Select(group => group.SelectMany(vector => vector).ToArray())];
        var rows = _dataset.Movies.Length;
        _scores = new float[Math.Min(queries.Count, QueriesPerGroup) * rows];
        _matrix = new float[rows * Dimensions];
        for (var row = 0; row < rows; row++)
        {
            _dataset.Vectors.GetVector(row).CopyTo(_matrix.AsSpan(row * Dimensions));
        }

        Console.WriteLine($"// {Users} users, {rows} movies × {Dimensions} d ({_matrix.Length * 4L / 1_000_000} MB): {queries.Count} interest queries in {_queryGroups.Length} groups");
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true, Description = "one streaming pass over the vectors")]
    public float StreamingPass() => System.Numerics.Tensors.TensorPrimitives.Sum<float>(_matrix);

    [Benchmark(Description = "scoring phase (all users' interests)")]
    public float ScoringPhase()
    {
        var rows = _dataset.Movies.Length;
        foreach (var queries in _queryGroups)
        {
            _dataset.Vectors.ScoreMany(queries, _scores.AsSpan(0, queries.Length / Dimensions * rows));
        }

        return _scores[0];
    }

    [Benchmark(Description = "open a session")]
    public async Task<int> OpenSession() => (await _recommender.CreateSessionAsync()).MovieCount;

    [Benchmark(Description = "session: every user's picks")]
    public async Task<int> RecommendAllUsers()
    {
        var picks = 0;
        await foreach (var result in _session.RecommendAsync(_users))
        {
            picks += result.Picks.Count;
        }

        return picks;
    }

    [Benchmark(Description = "generate-movie-recommendations job")]
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
