using System.Numerics.Tensors;
using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Recommendations;
using Aperture.Testing.Data;
using Aperture.Vectors;
using BenchmarkDotNet.Attributes;

namespace Aperture.Benchmarks.Scoring;

/// <summary>
/// Whether storing vectors in half precision would pay: 20 000 movies × 1 536 d from the synthetic generator, scored
/// in single precision (the index as it is) against a half-precision copy of the same matrix (a prototype here, not
/// in the index). One query is bound by memory bandwidth, where half the bytes should help; 128 queries at once are
/// bound by arithmetic, where converting each cache block back to floats is extra work. The set-up of the baseline
/// also measures ranking quality both ways (leave-last-out NDCG@10 over 100 users, five held-out plays each, and how
/// many of each user's 20 picks stay the same) and prints it with the memory of each matrix.
/// </summary>
/// <example><c>dotnet run -c Release --project benchmarks/Aperture.Benchmarks -- --filter '*HalfPrecision*' --inProcess --job short</c></example>
[MemoryDiagnoser]
public class HalfPrecisionBenchmarks
{
    private const int Movies = 20_000;
    private const int Users = 100;
    private const int Dimensions = 1_536;
    private const int Queries = 128;

    private SyntheticServer _server = null!;
    private IVectorSnapshot _snapshot = null!;
    private Half[] _halfMatrix = null!;
    private float[] _query = null!;
    private float[] _queries = null!;
    private float[] _scores = null!;

    [GlobalSetup(Target = nameof(SingleOneQuery))]
    public async Task SetupAndMeasureQualityAsync()
    {
        Setup();
        await MeasureQualityAsync();
    }

    [GlobalSetup(Targets = [nameof(HalfOneQuery), nameof(SingleManyQueries), nameof(HalfManyQueries)])]
    public void Setup()
    {
        _server = SyntheticDataGenerator.Generate(new SyntheticDataOptions { Seed = 5, MovieCount = Movies, UserCount = Users, VectorDimensions = Dimensions });
        var dataset = RecommendationDataset.Create(_server.Model!, _server.Movies, _server.Vectors, _server.WatchStates, _server.Options.Now);
        _snapshot = dataset.Vectors;
        _halfMatrix = new Half[_snapshot.Count * Dimensions];
        for (var row = 0; row < _snapshot.Count; row++)
        {
            TensorPrimitives.ConvertToHalf(_snapshot.GetVector(row), _halfMatrix.AsSpan(row * Dimensions, Dimensions));
        }

        _query = UnitVectors(1, seed: 2);
        _queries = UnitVectors(Queries, seed: 3);
        _scores = new float[Queries * _snapshot.Count];
    }

    [Benchmark(Baseline = true, Description = "1 query, single precision")]
    public float SingleOneQuery()
    {
        _snapshot.Score(_query, _scores);
        return _scores[0];
    }

    [Benchmark(Description = "1 query, half precision")]
    public float HalfOneQuery()
    {
        HalfPrecisionKernels.Score(_halfMatrix, _snapshot.Count, Dimensions, _query, _scores);
        return _scores[0];
    }

    [Benchmark(Description = "128 queries, single precision")]
    public float SingleManyQueries()
    {
        _snapshot.ScoreMany(_queries, _scores);
        return _scores[0];
    }

    [Benchmark(Description = "128 queries, half precision")]
    public float HalfManyQueries()
    {
        HalfPrecisionKernels.ScoreMany(_halfMatrix, _snapshot.Count, Dimensions, _queries, _scores);
        return _scores[0];
    }

    private static float[] UnitVectors(int count, int seed)
    {
        var values = BenchmarkVectors.Random(count, Dimensions, seed);
        for (var i = 0; i < count; i++)
        {
            var vector = values.AsSpan(i * Dimensions, Dimensions);
            TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        }

        return values;
    }

    // The recommender's own evaluation, on the vectors as they are and rounded to half precision (what a half matrix
    // would hold), plus the overlap of the picks and the largest change of any score.
    private async Task MeasureQualityAsync()
    {
        var rounded = _server.Vectors
            .Select(v => v with { Vector = v.Vector.ToArray().Select(x => (float)(Half)x).ToArray() })
            .ToList();
        var single = RecommendationDataset.Create(_server.Model!, _server.Movies, _server.Vectors, _server.WatchStates, _server.Options.Now);
        var half = RecommendationDataset.Create(_server.Model!, _server.Movies, rounded, _server.WatchStates, _server.Options.Now);
        var users = _server.Users.Select(user => new UserAccount(user, IsEnabled: true, ExcludedLibraryIds: [])).ToList();
        var evaluation = new EvaluationOptions { K = 10, HoldoutsPerUser = 5 };
        RecommenderVariant[] variants = [new("hybrid", new RecommendationOptions())];
        var singleQuality = (await RecommendationEvaluator.EvaluateAsync(single, users, variants, evaluation, TimeProvider.System, CancellationToken.None))[0];
        var halfQuality = (await RecommendationEvaluator.EvaluateAsync(half, users, variants, evaluation, TimeProvider.System, CancellationToken.None))[0];

        var singlePicks = await PicksAsync(single, users);
        var halfPicks = await PicksAsync(half, users);
        var overlap = singlePicks.Keys.Average(user => singlePicks[user].Intersect(halfPicks.GetValueOrDefault(user, [])).Count() / (double)Math.Max(1, singlePicks[user].Count));
        var identical = singlePicks.Keys.Count(user => singlePicks[user].SequenceEqual(halfPicks.GetValueOrDefault(user, [])));

        var largest = 0f;
        var a = new float[single.Movies.Length];
        var b = new float[single.Movies.Length];
        single.Vectors.Score(_query, a);
        half.Vectors.Score(_query, b);
        for (var i = 0; i < a.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(a[i] - b[i]));
        }

        Console.WriteLine($"// matrix: single {single.Movies.Length * (long)Dimensions * sizeof(float) / 1_000_000} MB, half {single.Movies.Length * (long)Dimensions * 2 / 1_000_000} MB");
        Console.WriteLine($"// NDCG@10 single {singleQuality.Ndcg:F4} (HR@10 {singleQuality.HitRate:F4}, {singleQuality.Cases} cases), half {halfQuality.Ndcg:F4} (HR@10 {halfQuality.HitRate:F4})");
        Console.WriteLine($"// picks: {overlap:P2} of each user's picks kept on average, {identical} of {singlePicks.Count} lists identical; largest score change {largest:E2}");
    }

    private static async Task<Dictionary<string, List<Guid>>> PicksAsync(RecommendationDataset dataset, IReadOnlyList<UserAccount> users)
    {
        var session = new RecommendationSession(dataset, new RecommendationOptions(), null, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        var picks = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        await foreach (var result in session.RecommendAsync(users))
        {
            picks[result.UserId] = [.. result.Picks.Select(p => p.MovieId)];
        }

        return picks;
    }
}
