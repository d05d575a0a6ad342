using Aperture.Vectors;
using BenchmarkDotNet.Attributes;

namespace Aperture.Benchmarks.Scoring;

/// <summary>
/// Scoring one query against every row of a 20 000-movie catalogue: the index's SIMD kernel
/// (<c>TensorPrimitives.Dot</c> per row) against the plain scalar loop it replaces.
/// </summary>
[MemoryDiagnoser]
public class DotProductBenchmarks
{
    private const int Movies = 20_000;
    private IVectorSnapshot _snapshot = null!;
    private float[] _matrix = null!;
    private float[] _query = null!;
    private float[] _scores = null!;

    [Params(384, 1_536)]
    public int Dimensions { get; set; }

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
        _scores = new float[Movies];
    }

    [Benchmark(Baseline = true)]
    public float ScalarLoop()
    {
        var matrix = _matrix;
        var query = _query;
        var dimensions = Dimensions;
        for (var row = 0; row < Movies; row++)
        {
            var sum = 0f;
            var offset = row * dimensions;
            for (var i = 0; i < dimensions; i++)
            {
                sum += matrix[offset + i] * query[i];
            }

            _scores[row] = sum;
        }

        return _scores[^1];
    }

    [Benchmark]
    public float TensorPrimitives()
    {
        _snapshot.Score(_query, _scores);
        return _scores[^1];
    }
}
