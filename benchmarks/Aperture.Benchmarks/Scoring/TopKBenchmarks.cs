using Aperture.Vectors;
using BenchmarkDotNet.Attributes;

namespace Aperture.Benchmarks.Scoring;

/// <summary>Selecting the best k of 20 000 scores: the bounded heap of <see cref="ScoreSelection"/> against a full sort.</summary>
[MemoryDiagnoser]
public class TopKBenchmarks
{
    private const int Movies = 20_000;
    private float[] _scores = null!;
    private float[] _sortKeys = null!;
    private int[] _sortRows = null!;
    private int[] _top = null!;

    [Params(20, 100)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scores = BenchmarkVectors.Random(1, Movies, seed: 4);
        _sortKeys = new float[Movies];
        _sortRows = new int[Movies];
        _top = new int[K];
    }

    [Benchmark(Baseline = true)]
    public int FullSort()
    {
        for (var i = 0; i < Movies; i++)
        {
            _sortKeys[i] = -_scores[i];
            _sortRows[i] = i;
        }

        Array.Sort(_sortKeys, _sortRows);
        return _sortRows[K - 1];
    }

    [Benchmark]
    public int BoundedHeap() => ScoreSelection.SelectTop(_scores, _top);
}
