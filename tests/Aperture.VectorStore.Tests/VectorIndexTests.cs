using Aperture.Vectors;

namespace Aperture.VectorStore.Tests;

public sealed class VectorIndexTests
{
    [Theory]
    [InlineData(8, 50, 1)]
    [InlineData(384, 600, 10)]
    [InlineData(1536, 300, 25)]
    public void TopK_matches_a_naive_index_on_random_vectors(int dimensions, int rows, int k)
    {
        var random = new Random(dimensions + rows);
        var index = VectorIndex.Create(dimensions);
        var naive = new NaiveIndex();
        var ids = new List<Guid>();
        for (var i = 0; i < rows; i++)
        {
            var id = Guid.NewGuid();
            var vector = NaiveIndex.RandomVector(random, dimensions);
            index.Upsert(id, vector);
            naive.Upsert(id, vector);
            ids.Add(id);
        }

        for (var q = 0; q < 5; q++)
        {
            var query = NaiveIndex.RandomVector(random, dimensions);
            var exclude = ids.Where((_, i) => i % 7 == q).ToHashSet();
            NaiveIndex.AssertSameTopK(naive.TopK(query, k), index.TopK(query, k));
            NaiveIndex.AssertSameTopK(naive.TopK(query, k, exclude), index.TopK(query, k, exclude));
            NaiveIndex.AssertSameTopK(naive.TopK(query, k, exclude), index.Snapshot().TopK(query, k, exclude));
        }
    }

    [Fact]
    public void TopK_stays_correct_through_replacements_and_swap_removals()
    {
        const int dimensions = 32;
        var random = new Random(7);
        var index = VectorIndex.Create(dimensions, capacity: 4);
        var naive = new NaiveIndex();
        var ids = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            var vector = NaiveIndex.RandomVector(random, dimensions);
            index.Upsert(id, vector);
            naive.Upsert(id, vector);
        }

        for (var i = 0; i < ids.Count; i += 3)
        {
            Assert.True(index.Remove(ids[i]));
            naive.Remove(ids[i]);
        }

        for (var i = 1; i < ids.Count; i += 5)
        {
            var vector = NaiveIndex.RandomVector(random, dimensions);
            index.Upsert(ids[i], vector);
            naive.Upsert(ids[i], vector);
        }

        Assert.False(index.Remove(ids[0]));
        Assert.False(index.Contains(ids[0]));
        Assert.True(index.Contains(ids[1]));
        Assert.Equal(naive.Count, index.Count);
        var query = NaiveIndex.RandomVector(random, dimensions);
        NaiveIndex.AssertSameTopK(naive.TopK(query, index.Count), index.TopK(query, index.Count));
    }

    [Fact]
    public void Rows_are_normalised_so_scores_are_cosines()
    {
        var index = VectorIndex.Create(3);
        var id = Guid.NewGuid();
        index.Upsert(id, [3f, 0f, 4f]);

        var snapshot = index.Snapshot();

        Assert.True(snapshot.TryGetRow(id, out var row));
        Assert.Equal([0.6f, 0f, 0.8f], snapshot.GetVector(row).ToArray());
        Assert.Equal(1f, index.TopK([6f, 0f, 8f], 1)[0].Score, 5);
    }

    [Fact]
    public void Ties_are_broken_by_row_order()
    {
        var index = VectorIndex.Create(2);
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            index.Upsert(id, [1f, 1f]);
        }

        var top = index.TopK([1f, 0f], 3);

        Assert.Equal(ids.Take(3), top.Select(t => t.MovieId));
    }

    [Theory]
    [InlineData(new[] { 0f, 0f, 0f })]
    [InlineData(new[] { float.NaN, 1f, 1f })]
    [InlineData(new[] { float.PositiveInfinity, 1f, 1f })]
    [InlineData(new[] { 1f, 1f })]
    public void Upsert_rejects_vectors_without_a_direction_or_of_the_wrong_length(float[] vector)
    {
        var index = VectorIndex.Create(3);

        Assert.Throws<ArgumentException>(() => index.Upsert(Guid.NewGuid(), vector));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void A_query_of_the_wrong_length_is_rejected()
    {
        var index = VectorIndex.Create(3);
        index.Upsert(Guid.NewGuid(), [1f, 2f, 3f]);

        var error = Assert.Throws<ArgumentException>(() => index.TopK([1f, 2f], 1));
        Assert.Contains("3-dimensional", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopK_returns_fewer_rows_when_the_index_is_small_and_none_when_empty()
    {
        var index = VectorIndex.Create(2);
        Assert.Empty(index.TopK([1f, 0f], 5));

        index.Upsert(Guid.NewGuid(), [1f, 0f]);
        index.Upsert(Guid.NewGuid(), [0f, 1f]);

        Assert.Equal(2, index.TopK([1f, 0f], 5).Count);
        Assert.Empty(index.TopK([1f, 0f], 0));
    }

    [Fact]
    public void A_snapshot_does_not_change_when_the_index_is_written_afterwards()
    {
        var index = VectorIndex.Create(2);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        index.Upsert(first, [1f, 0f]);
        index.Upsert(second, [0f, 1f]);

        var snapshot = index.Snapshot();
        index.Upsert(first, [0f, 1f]);
        index.Remove(second);
        index.Upsert(Guid.NewGuid(), [1f, 1f]);

        Assert.Equal(2, snapshot.Count);
        Assert.Equal([first, second], snapshot.MovieIds);
        Assert.Equal([1f, 0f], snapshot.GetVector(0).ToArray());
        Assert.Equal([0f, 1f], snapshot.GetVector(1).ToArray());
        Assert.Equal(2, index.Count);
        Assert.Equal(1f, index.TopK([0f, 1f], 1)[0].Score, 5);
        Assert.Equal(first, index.TopK([0f, 1f], 1)[0].MovieId);
    }

    [Theory]
    [InlineData(48, 1_500, 7)]
    [InlineData(13, 9, 5)]
    [InlineData(8, 3, 4)]
    [InlineData(3, 2, 9)]
    public void Score_and_ScoreMany_agree_with_the_naive_scores(int dimensions, int rows, int queryCount)
    {
        var random = new Random(11);
        var index = VectorIndex.Create(dimensions);
        var naive = new NaiveIndex();
        for (var i = 0; i < rows; i++)
        {
            var id = Guid.NewGuid();
            var vector = NaiveIndex.RandomVector(random, dimensions);
            index.Upsert(id, vector);
            naive.Upsert(id, vector);
        }

        var snapshot = index.Snapshot();
        var queries = Enumerable.Range(0, queryCount).Select(_ => NaiveIndex.RandomVector(random, dimensions)).ToList();
        var many = new float[queries.Count * snapshot.Count];
        snapshot.ScoreMany(queries.SelectMany(q => q).ToArray(), many);

        var one = new float[snapshot.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            snapshot.Score(queries[q], one);
            for (var row = 0; row < snapshot.Count; row++)
            {
                var expected = naive.Score(snapshot.MovieIds[row], queries[q]);
                Assert.InRange(one[row], expected - 1e-4, expected + 1e-4);
                Assert.InRange(many[(q * snapshot.Count) + row], one[row] - 1e-5, one[row] + 1e-5);
            }
        }
    }

    [Fact]
    public void ScoreMany_uses_every_core_on_large_work_and_still_agrees()
    {
        const int dimensions = 256;
        var random = new Random(5);
        var index = VectorIndex.Create(dimensions, capacity: 4_000);
        for (var i = 0; i < 4_000; i++)
        {
            index.Upsert(Guid.NewGuid(), NaiveIndex.RandomVector(random, dimensions));
        }

        var snapshot = index.Snapshot();
        var queries = Enumerable.Range(0, 20).SelectMany(_ => NaiveIndex.RandomVector(random, dimensions)).ToArray();
        var many = new float[20 * snapshot.Count];
        snapshot.ScoreMany(queries, many);

        var one = new float[snapshot.Count];
        for (var q = 0; q < 20; q++)
        {
            snapshot.Score(queries.AsSpan(q * dimensions, dimensions), one);
            for (var row = 0; row < snapshot.Count; row++)
            {
                Assert.InRange(many[(q * snapshot.Count) + row], one[row] - 1e-5, one[row] + 1e-5);
            }
        }
    }

    [Fact]
    public void Bulk_scoring_checks_its_buffers()
    {
        var index = VectorIndex.Create(2);
        index.Upsert(Guid.NewGuid(), [1f, 0f]);
        index.Upsert(Guid.NewGuid(), [0f, 1f]);
        var snapshot = index.Snapshot();

        Assert.Throws<ArgumentException>(() => snapshot.Score([1f, 0f], new float[1]));
        Assert.Throws<ArgumentException>(() => snapshot.ScoreMany([1f, 0f, 1f], new float[4]));
        Assert.Throws<ArgumentException>(() => snapshot.ScoreMany([1f, 0f, 1f, 1f], new float[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => snapshot.GetVector(2).ToArray());
    }

    [Fact]
    public async Task Concurrent_readers_see_consistent_results_while_a_writer_works()
    {
        const int dimensions = 16;
        var index = VectorIndex.Create(dimensions);
        var stable = Guid.NewGuid();
        var direction = Enumerable.Repeat(1f, dimensions).ToArray();
        index.Upsert(stable, direction);

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            var random = new Random(3);
            var ids = new List<Guid>();
            for (var i = 0; i < 3_000; i++)
            {
                var id = Guid.NewGuid();
                var vector = NaiveIndex.RandomVector(random, dimensions);
                vector[0] = -Math.Abs(vector[0]) - 0.5f;
                index.Upsert(id, vector);
                ids.Add(id);
                if (i % 3 == 0)
                {
                    index.Remove(ids[random.Next(ids.Count)]);
                }
            }
        });

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var reads = 0;
            while (!writer.IsCompleted || reads < 10)
            {
                // The stable row is the only one aligned with every axis, so it always wins.
                var top = index.TopK(direction, 1);
                Assert.Equal(stable, top[0].MovieId);
                var snapshot = index.Snapshot();
                Assert.True(snapshot.TryGetRow(stable, out var row));
                Assert.Equal(snapshot.Count, snapshot.MovieIds.Count);
                Assert.Equal(1f, snapshot.GetVector(row).ToArray().Sum(v => v * v), 4);
                reads++;
            }
        })).ToList();

        await Task.WhenAll(readers.Append(writer));
        Assert.True(index.Contains(stable));
    }
}
