using Aperture.Vectors;
using BenchmarkDotNet.Attributes;

namespace Aperture.Benchmarks.Scoring;

/// <summary>
/// Scoring one query against every row: the index's SIMD kernel (<c>TensorPrimitives.Dot</c> per row) against the
/// plain scalar loop it replaces, on a catalogue that fits the CPU caches (2 000 movies: the arithmetic is measured)
/// and on one that does not (20 000 movies: both approach the memory bandwidth).
/// </summary>
[MemoryDiagnoser]
public class DotProductBenchmarks
{
    private IVectorSnapshot _snapshot = null!;
    private float[] _matrix = null!;
    private float[] _query = null!;
    private float[] _scores = null!;

    [Params(384, 1_536)]
    public int Dimensions { get; set; }

    [Params(2_000, 20_000)]
    public int Movies { get; set; }

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
        var movies = Movies;
        for (var row = 0; row < movies; row++)
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
