using Microsoft.Extensions.AI;

namespace Aperture.Embeddings.Tests;

public sealed class BatchingEmbeddingGeneratorTests
{
    [Fact]
    public async Task Splits_into_requests_of_the_batch_size_and_keeps_input_order()
    {
        var inner = new TestEmbeddingGenerator();
        using var generator = inner.AsBuilder().UseEmbeddingBatching(batchSize: 4, maxConcurrency: 3).Build();
        var texts = Enumerable.Range(0, 10).Select(i => new string('x', i + 1)).ToArray();

        var embeddings = await generator.GenerateAsync(texts);

        Assert.Equal([4, 4, 2], inner.Calls.Select(c => c.Count).Order().Reverse());
        Assert.Equal(texts.Select(t => (float)t.Length), embeddings.Select(e => e.Vector.Span[0]));
        Assert.Equal(10, embeddings.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task A_small_request_is_sent_as_it_is()
    {
        var inner = new TestEmbeddingGenerator();
        using var generator = inner.AsBuilder().UseEmbeddingBatching().Build();

        await generator.GenerateAsync(Enumerable.Range(0, 128).Select(i => $"t{i}"));

        Assert.Equal(128, Assert.Single(inner.Calls).Count);
    }

    [Fact]
    public async Task Nothing_in_means_no_request()
    {
        var inner = new TestEmbeddingGenerator();
        using var generator = inner.AsBuilder().UseEmbeddingBatching().Build();

        var embeddings = await generator.GenerateAsync([]);

        Assert.Empty(embeddings);
        Assert.Empty(inner.Calls);
    }

    [Fact]
    public async Task At_most_max_concurrency_requests_are_in_flight_across_callers()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var twoStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var inner = new TestEmbeddingGenerator
        {
            Behavior = async (values, _, _) =>
            {
                if (Interlocked.Increment(ref started) == 2)
                {
                    twoStarted.SetResult();
                }

                await release.Task;
                return TestEmbeddingGenerator.Vectors(values, 2);
            },
        };
        using var generator = inner.AsBuilder().UseEmbeddingBatching(batchSize: 2, maxConcurrency: 2).Build();

        var first = generator.GenerateAsync(["a", "b", "c", "d", "e", "f"]);
        var second = generator.GenerateAsync(["g", "h"]);
        await twoStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, Volatile.Read(ref started));
        release.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(2, inner.MaxInFlight);
        Assert.Equal(4, inner.Calls.Count);
    }

    [Fact]
    public async Task A_provider_that_drops_embeddings_is_an_error()
    {
        var inner = new TestEmbeddingGenerator { Behavior = (values, _, _) => Task.FromResult(TestEmbeddingGenerator.Vectors(values.Skip(1).ToList(), 2)) };
        using var generator = inner.AsBuilder().UseEmbeddingBatching().Build();

        var error = await Assert.ThrowsAsync<EmbeddingProviderException>(() => generator.GenerateAsync(["a", "b"]));

        Assert.Contains("returned 1 embeddings for 2 texts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_sizes_below_one()
    {
        var builder = new TestEmbeddingGenerator().AsBuilder();

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.UseEmbeddingBatching(batchSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.UseEmbeddingBatching(maxConcurrency: 0));
    }

    [Fact]
    public void Disposing_the_pipeline_disposes_the_provider()
    {
        var inner = new TestEmbeddingGenerator();
        var generator = inner.AsBuilder().UseEmbeddingBatching().UseEmbeddingRetry().Build();

        generator.Dispose();

        Assert.True(inner.Disposed);
    }
}
