using Aperture.Testing;
using Microsoft.Extensions.AI;

namespace Aperture.Embeddings.Tests;

/// <summary>
/// The behaviour every OpenAI-compatible provider path must show against the fake server, through the real
/// OpenAI SDK: batching, retries, typed failures, dimension checks. Each provider derives and registers itself.
/// </summary>
public abstract class ProviderPathTests : IAsyncLifetime
{
    protected const string ApiKey = "sk-test-4f1d2a9c7e";

    protected FakeOpenAIEmbeddingServer Server { get; private set; } = null!;

    /// <summary>The server's vector length (and the model's, as the provider is set up).</summary>
    protected abstract int Dimensions { get; }

    /// <summary>The model key the provider is registered under.</summary>
    protected abstract string ExpectedModelKey { get; }

    public async Task InitializeAsync() =>
        Server = await FakeOpenAIEmbeddingServer.StartAsync(new FakeOpenAIEmbeddingServerOptions { Dimensions = Dimensions, ApiKey = ServerApiKey });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>The key the fake server demands (null: none).</summary>
    protected abstract string? ServerApiKey { get; }

    /// <summary>Registers the provider under test, pointed at <see cref="Server"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="onRetry">The retry hook (records the retry and skips its wait on the fake clock).</param>
    /// <param name="configure">More options for the test.</param>
    /// <param name="requestTimeout">The request time-out (default 30 s: a loaded machine must not time out by accident).</param>
    protected abstract void Register(IApertureBuilder builder, Func<EmbeddingRetryArguments, ValueTask> onRetry, Action<EmbeddingProviderOptions>? configure, TimeSpan requestTimeout);

    protected EmbeddingTestServices Compose(Action<EmbeddingProviderOptions>? configure = null, TimeSpan? requestTimeout = null)
    {
        EmbeddingTestServices? services = null;
        services = new EmbeddingTestServices(builder => Register(builder, retry => services!.SkipWait(retry), configure, requestTimeout ?? TimeSpan.FromSeconds(30)));
        return services;
    }

    protected static string[] Texts(int count) =>
        Enumerable.Range(0, count).Select(i => $"Movie {i}: a story about space travel and robots number {i}").ToArray();

    [Fact]
    public async Task Embeds_through_the_sdk_with_one_request_per_batch_of_128_by_default()
    {
        await using var services = Compose();
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(Texts(300));

        Assert.Equal(300, embeddings.Count);
        Assert.Equal([128, 128, 44], Server.BatchSizes.Order().Reverse());
        Assert.All(embeddings, embedding => Assert.Equal(Dimensions, embedding.Vector.Length));
        Assert.Equal(HashingEmbeddingGenerator.Embed(Texts(300)[299], Dimensions), embeddings[299].Vector.ToArray());
    }

    [Fact]
    public async Task Batch_size_is_configurable()
    {
        await using var services = Compose(o => o.BatchSize = 10);
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        await generator.GenerateAsync(Texts(25));

        Assert.Equal(3, Server.RequestCount);
        Assert.Equal([10, 10, 5], Server.BatchSizes.Order().Reverse());
    }

    [Fact]
    public async Task The_sdk_asks_for_base64_vectors_and_they_are_decoded()
    {
        await using var services = Compose();
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        var embedding = await generator.GenerateAsync(["A heist inside a dream."]);

        Assert.Equal("base64", Server.Requests.Single().EncodingFormat);
        Assert.Equal(HashingEmbeddingGenerator.Embed("A heist inside a dream.", Dimensions), embedding[0].Vector.ToArray());
    }

    [Fact]
    public async Task Rate_limit_is_retried_after_the_wait_the_server_asks_for()
    {
        await using var services = Compose();
        Server.Enqueue(FakeEmbeddingFault.RateLimited(TimeSpan.FromSeconds(7)), times: 2);
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(Texts(3));

        Assert.Equal(3, embeddings.Count);
        Assert.Equal(3, Server.RequestCount);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], services.Retries.Select(retry => retry.Delay));
        Assert.All(services.Retries, retry => Assert.Equal(429, retry.StatusCode));
    }

    [Fact]
    public async Task Rate_limit_without_retry_after_backs_off_exponentially()
    {
        await using var services = Compose();
        Server.Enqueue(FakeEmbeddingFault.RateLimited(), times: 3);
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        await generator.GenerateAsync(Texts(1));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], services.Retries.Select(retry => retry.Delay));
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times()
    {
        await using var services = Compose(o => o.Retry.MaxRetries = 3);
        Server.FailAlways(FakeEmbeddingFault.ServerError());
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        var error = await Assert.ThrowsAsync<EmbeddingRetriesExhaustedException>(() => generator.GenerateAsync(Texts(2)));

        Assert.Equal(4, Server.RequestCount);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(500, error.StatusCode);
        Assert.False(error.RequiresUserAction);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Contains("a later run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_that_clears_is_absorbed()
    {
        await using var services = Compose();
        Server.Enqueue(FakeEmbeddingFault.ServerError(503));
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(Texts(2));

        Assert.Equal(2, embeddings.Count);
        Assert.Equal(2, Server.RequestCount);
    }

    [Fact]
    public async Task Unauthorized_fails_at_once_without_retrying()
    {
        await using var services = Compose();
        Server.FailAlways(FakeEmbeddingFault.Unauthorized());
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        var error = await Assert.ThrowsAsync<EmbeddingAuthenticationException>(() => generator.GenerateAsync(Texts(500)));

        Assert.InRange(Server.RequestCount, 1, 2); // at most the two requests already in flight
        Assert.Empty(services.Retries);
        Assert.Equal(401, error.StatusCode);
        Assert.True(error.RequiresUserAction);
        Assert.Equal(ExpectedModelKey, error.ModelKey);
        AssertNoSecret(error, services);
    }

    [Fact]
    public async Task Payment_required_is_a_quota_error()
    {
        await using var services = Compose();
        Server.FailAlways(FakeEmbeddingFault.PaymentRequired());
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        var error = await Assert.ThrowsAsync<EmbeddingQuotaExceededException>(() => generator.GenerateAsync(Texts(1)));

        Assert.Equal(402, error.StatusCode);
        Assert.Equal(1, Server.RequestCount);
        Assert.Contains("Add credit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insufficient_quota_is_a_quota_error_not_a_rate_limit()
    {
        await using var services = Compose();
        Server.FailAlways(FakeEmbeddingFault.InsufficientQuota());
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        var error = await Assert.ThrowsAsync<EmbeddingQuotaExceededException>(() => generator.GenerateAsync(Texts(1)));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(1, Server.RequestCount);
        Assert.Empty(services.Retries);
        Assert.Contains("insufficient_quota", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vectors_of_the_wrong_dimension_are_refused()
    {
        await using var services = Compose();
        Server.FailAlways(FakeEmbeddingFault.WrongDimensions(Dimensions / 2));
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        var error = await Assert.ThrowsAsync<EmbeddingDimensionMismatchException>(() => generator.GenerateAsync(Texts(3)));

        Assert.Equal(Dimensions, error.ExpectedDimensions);
        Assert.Equal(Dimensions / 2, error.ActualDimensions);
        Assert.True(error.RequiresUserAction);
        Assert.Contains("Aperture:Embeddings:Dimensions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_active_model_is_known_without_a_request()
    {
        await using var services = Compose();

        var model = await services.Get<IActiveEmbeddingModel>().GetAsync();

        Assert.Equal(ExpectedModelKey, model.Key);
        Assert.Equal(Dimensions, model.Dimensions);
        Assert.Equal(0, Server.RequestCount);
    }

    [Fact]
    public async Task A_slow_response_times_out_and_is_retried()
    {
        await using var services = Compose(requestTimeout: TimeSpan.FromSeconds(1));
        Server.Enqueue(FakeEmbeddingFault.Slow(TimeSpan.FromMinutes(10)));
        var generator = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(Texts(1));

        Assert.Single(embeddings);
        Assert.Equal(2, Server.RequestCount);
        Assert.Contains("timed out", Assert.Single(services.Retries).Reason, StringComparison.Ordinal);
    }

    protected static void AssertNoSecret(Exception error, EmbeddingTestServices services)
    {
        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.All(services.Logs.GetSnapshot(), record => Assert.DoesNotContain(ApiKey, record.Message, StringComparison.Ordinal));
    }
}
