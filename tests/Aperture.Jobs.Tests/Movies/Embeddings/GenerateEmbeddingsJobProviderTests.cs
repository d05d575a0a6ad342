using Aperture.Embeddings;
using Aperture.Testing;

namespace Aperture.Jobs.Tests.Movies.Embeddings;

/// <summary>The job through the real OpenAI SDK path against the fake server: batching, failures, retries.</summary>
public sealed class GenerateEmbeddingsJobProviderTests : IAsyncLifetime
{
    private const string ApiKey = "sk-job-test-5b7e";
    private const string ModelKey = "openai:text-embedding-3-small";
    private FakeOpenAIEmbeddingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIEmbeddingServer.StartAsync(new FakeOpenAIEmbeddingServerOptions { ApiKey = ApiKey });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private EmbeddingJobHarness OpenAI(int maxRetries = 2) => new((builder, harness) => builder.AddOpenAIEmbeddings(o =>
    {
        o.ApiKey = ApiKey;
        o.BaseUrl = _server.BaseUrl;
        o.Retry.MaxRetries = maxRetries;
        o.Retry.OnRetry = harness.SkipWait;
    }));

    [Fact]
    public async Task Uses_one_provider_call_per_128_movies()
    {
        await using var harness = OpenAI();
        await harness.SeedAsync(1000);

        var (result, context) = await harness.RunAsync();

        Assert.Equal(1000, result["generated"]);
        Assert.Equal(8, _server.RequestCount); // ceil(1000 / 128)
        Assert.True(_server.RequestCount / 1000.0 <= 0.01, "provider calls per movie must stay at or below 0.01");
        Assert.All(_server.BatchSizes, size => Assert.InRange(size, 1, 128));
        Assert.Equal(1000, context.Progress.ItemsAdvanced);
        Assert.Equal(1000, (await harness.Store.GetVectorsAsync(ModelKey)).Count);
    }

    [Fact]
    public async Task A_refused_key_fails_the_run_at_once_and_stores_nothing()
    {
        await using var harness = OpenAI();
        await harness.SeedAsync(1000);
        _server.FailAlways(FakeEmbeddingFault.Unauthorized());

        var error = await Assert.ThrowsAsync<EmbeddingAuthenticationException>(() => harness.RunAsync());

        Assert.InRange(_server.RequestCount, 1, GenerateEmbeddingsJob.BatchesInFlight);
        Assert.Empty(await harness.Store.GetVectorsAsync(ModelKey));
        Assert.Contains("Aperture:Embeddings:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_quota_fails_the_run_at_once()
    {
        await using var harness = OpenAI();
        await harness.SeedAsync(300);
        _server.FailAlways(FakeEmbeddingFault.InsufficientQuota());

        var error = await Assert.ThrowsAsync<EmbeddingQuotaExceededException>(() => harness.RunAsync());

        Assert.InRange(_server.RequestCount, 1, GenerateEmbeddingsJob.BatchesInFlight);
        Assert.Contains("Add credit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limits_are_waited_out_and_every_movie_is_embedded()
    {
        await using var harness = OpenAI();
        await harness.SeedAsync(200);
        _server.Enqueue(FakeEmbeddingFault.RateLimited(TimeSpan.FromSeconds(20)), times: 2);

        var (result, _) = await harness.RunAsync();

        Assert.Equal((200, 0), (result["generated"], result["failed"]));
        Assert.Equal(4, _server.RequestCount);
    }

    [Fact]
    public async Task A_batch_that_keeps_failing_is_counted_and_the_run_moves_on()
    {
        await using var harness = OpenAI(maxRetries: 2);
        await harness.SeedAsync(128 * 4);

        // Every attempt of the batch holding "Movie 0" fails (its retries are spent); the other batches go through.
        _server.FailWhen(texts => texts.Any(text => text.StartsWith("Movie 0 (", StringComparison.Ordinal)), FakeEmbeddingFault.ServerError());
        var (result, _) = await harness.RunAsync();
        Assert.Equal(3 + 3, _server.RequestCount); // three attempts of the failing batch, one of each other batch

        Assert.Equal((128 * 3, 128), (result["generated"], result["failed"]));
        Assert.Contains("128 failed (tried again next run)", result.Summary, StringComparison.Ordinal);

        // The next run embeds just the movies that failed.
        _server.Reset();
        var (next, _) = await harness.RunAsync();
        Assert.Equal((128, 128 * 3, 0), (next["generated"], next["skipped"], next["failed"]));
    }

    [Fact]
    public async Task A_provider_that_stays_down_stops_the_run_after_a_few_batches()
    {
        await using var harness = OpenAI(maxRetries: 1);
        await harness.SeedAsync(128 * 20);
        _server.FailAlways(FakeEmbeddingFault.ServerError(503));

        var error = await Assert.ThrowsAsync<EmbeddingProviderException>(() => harness.RunAsync());

        Assert.StartsWith($"Stopped after {GenerateEmbeddingsJob.MaxFailedBatchesInARow} batches in a row failed", error.Message, StringComparison.Ordinal);
        Assert.IsType<EmbeddingRetriesExhaustedException>(error.InnerException);

        // At most the failed batches plus the one still in flight, each with its two attempts: never all 20 batches.
        Assert.InRange(_server.RequestCount, 2 * GenerateEmbeddingsJob.MaxFailedBatchesInARow, 2 * (GenerateEmbeddingsJob.MaxFailedBatchesInARow + 1));
        Assert.Empty(await harness.Store.GetVectorsAsync(ModelKey));
    }

    [Fact]
    public async Task Vectors_of_the_wrong_dimension_fail_the_run_and_are_not_stored()
    {
        await using var harness = OpenAI();
        await harness.SeedAsync(300);
        _server.FailAlways(FakeEmbeddingFault.WrongDimensions(512));

        var error = await Assert.ThrowsAsync<EmbeddingDimensionMismatchException>(() => harness.RunAsync());

        Assert.Equal((1536, 512), (error.ExpectedDimensions, error.ActualDimensions));
        Assert.Empty(await harness.Store.GetVectorsAsync(ModelKey));
    }

    [Fact]
    public async Task Through_ollama_the_same_way()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(new FakeOpenAIEmbeddingServerOptions { Dimensions = 768 });
        await using var harness = new EmbeddingJobHarness((builder, h) => builder.AddOllamaEmbeddings(o =>
        {
            o.BaseUrl = server.RootUrl;
            o.Retry.OnRetry = h.SkipWait;
        }));
        await harness.SeedAsync(300);
        server.Enqueue(FakeEmbeddingFault.RateLimited(TimeSpan.FromSeconds(5)));

        var (result, _) = await harness.RunAsync();

        Assert.Equal(300, result["generated"]);
        Assert.Equal(4, server.RequestCount); // three batches, one retried
        Assert.Equal(300, (await harness.Store.GetVectorsAsync("ollama:nomic-embed-text")).Count);
    }
}
