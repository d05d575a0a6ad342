using Aperture.Vectors;
using BenchmarkDotNet.Attributes;

namespace Aperture.Benchmarks.Scoring;

/// <summary>
/// How close scoring comes to the memory bound: one query against 20 000 × 1 536 floats (123 MB, far beyond the
/// caches) against one streaming pass that only sums the same floats; and 16 queries scored together, per query,
/// which reuses each cache block of rows for all of them.
/// </summary>
[MemoryDiagnoser]
public class StreamingPassBenchmarks
{
    private const int Movies = 20_000;
    private const int Dimensions = 1_536;
    private const int Queries = 16;
    private IVectorSnapshot _snapshot = null!;
    private float[] _matrix = null!;
    private float[] _query = null!;
    private float[] _queries = null!;
    private float[] _scores = null!;

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = BenchmarkVectors.Index(Movies, Dimensions);
        _matrix = new float[Movies * Dimensions];
        for (var row = 0; row < Movies; row++)
        {
            _snapshot.GetVector(row).CopyTo(_matrix.AsSpan(row * Dimensions));
        }

        _query = BenchmarkVectors.Random(1, Dimensions, seed: 2);
        _queries = BenchmarkVectors.Random(Queries, Dimensions, seed: 3);
        _scores = new float[Queries * Movies];
    }

    [Benchmark(Baseline = true)]
    public float StreamingPass() => System.Numerics.Tensors.TensorPrimitives.Sum<float>(_matrix);

    [Benchmark]
    public float ScoreOneQuery()
    {
        _snapshot.Score(_query, _scores);
        return _scores[0];
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public float ScoreManyPerQuery()
    {
        _snapshot.ScoreMany(_queries, _scores);
        return _scores[0];
    }
}
