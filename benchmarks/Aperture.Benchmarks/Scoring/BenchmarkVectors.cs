using Aperture.Vectors;

namespace Aperture.Benchmarks.Scoring;

/// <summary>Deterministic random vectors and an index over them, for the scoring benchmarks.</summary>
internal static class BenchmarkVectors
{
    public static float[] Random(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var values = new float[count * dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    public static IVectorSnapshot Index(int count, int dimensions, int seed = 1)
    {
        var values = Random(count, dimensions, seed);
        var index = VectorIndex.Create(dimensions, count);
        for (var row = 0; row < count; row++)
        {
            index.Upsert(new Guid(row, 0, 0, new byte[8]), values.AsSpan(row * dimensions, dimensions));
        }

        return index.Snapshot();
    }
}
