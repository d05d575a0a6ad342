using Aperture.Vectors;

namespace Aperture.VectorStore.Tests;

public sealed class ScoreSelectionTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 10)]
    [InlineData(1_000, 600)]
    [InlineData(20, 50)]
    public void SelectTop_equals_a_full_sort(int count, int k)
    {
        var random = new Random(count);
        var scores = Enumerable.Range(0, count).Select(_ => (float)Math.Round(random.NextDouble(), 2)).ToArray();
        var expected = scores.Select((s, i) => (s, i)).OrderByDescending(p => p.s).ThenBy(p => p.i).Take(k).Select(p => p.i).ToArray();

        var destination = new int[k];
        var found = ScoreSelection.SelectTop(scores, destination);

        Assert.Equal(expected, destination.Take(found));
    }

    [Fact]
    public void SelectTop_skips_excluded_entries()
    {
        float[] scores = [0.5f, float.NegativeInfinity, float.NaN, 0.9f, 0.1f];
        var destination = new int[5];

        var found = ScoreSelection.SelectTop(scores, destination);

        Assert.Equal([3, 0, 4], destination.Take(found));
    }
}
