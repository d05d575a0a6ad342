using Aperture.Vectors;

namespace Aperture.VectorStore.Tests;

/// <summary>The obvious implementation the real index is checked against: a dictionary and double arithmetic.</summary>
internal sealed class NaiveIndex
{
    private readonly List<(Guid Id, double[] Vector)> _rows = [];

    public void Upsert(Guid id, float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(v => (double)v * v));
        var normalised = vector.Select(v => v / norm).ToArray();
        var existing = _rows.FindIndex(r => r.Id == id);
        if (existing >= 0)
        {
            _rows[existing] = (id, normalised);
        }
        else
        {
            _rows.Add((id, normalised));
        }
    }

    public int Count => _rows.Count;

    public void Remove(Guid id) => _rows.RemoveAll(r => r.Id == id);

    public IReadOnlyList<(Guid Id, double Score)> TopK(float[] query, int k, IReadOnlySet<Guid>? exclude = null)
    {
        var norm = Math.Sqrt(query.Sum(v => (double)v * v));
        return _rows.Where(r => exclude is null || !exclude.Contains(r.Id))
            .Select(r => (r.Id, Score: r.Vector.Zip(query, (a, b) => a * b / norm).Sum()))
            .OrderByDescending(r => r.Score)
            .Take(k)
            .ToList();
    }

    public double Score(Guid id, float[] query) =>
        _rows.Single(r => r.Id == id).Vector.Zip(query, (a, b) => a * b).Sum();

    public static float[] RandomVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return vector;
    }

    public static void AssertSameTopK(IReadOnlyList<(Guid Id, double Score)> expected, IReadOnlyList<ScoredMovie> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.InRange(actual[i].Score, expected[i].Score - 1e-4, expected[i].Score + 1e-4);

            // Random vectors make exact ties vanishingly rare; a near-tie may swap order in float arithmetic.
            if (i + 1 < expected.Count && Math.Abs(expected[i].Score - expected[i + 1].Score) > 1e-5
                && (i == 0 || Math.Abs(expected[i].Score - expected[i - 1].Score) > 1e-5))
            {
                Assert.Equal(expected[i].Id, actual[i].MovieId);
            }
        }
    }
}
