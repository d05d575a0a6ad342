using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Embeddings.Tests;

public sealed class RetryingEmbeddingGeneratorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<EmbeddingRetryArguments> _retries = [];

    private IEmbeddingGenerator<string, Embedding<float>> Build(TestEmbeddingGenerator inner, Action<EmbeddingRetryOptions>? configure = null)
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time).BuildServiceProvider();
        return inner.AsBuilder().UseEmbeddingRetry(o =>
        {
            o.OnRetry = retry =>
            {
                _retries.Add(retry);
                _time.Advance(retry.Delay);
                return ValueTask.CompletedTask;
            };
            configure?.Invoke(o);
        }).Build(services);
    }

    private static TestEmbeddingGenerator FailingFirst(int failures, Func<Exception> error) => new()
    {
        Behavior = (values, call, _) => call <= failures ? Task.FromException<GeneratedEmbeddings<Embedding<float>>>(error()) : Task.FromResult(TestEmbeddingGenerator.Vectors(values, 2)),
    };

    [Fact]
    public async Task Back_off_doubles_and_is_capped()
    {
        var inner = FailingFirst(5, () => new HttpRequestException("busy", null, HttpStatusCode.ServiceUnavailable));
        var generator = Build(inner, o =>
        {
            o.MaxRetries = 5;
            o.InitialDelay = TimeSpan.FromSeconds(2);
            o.MaxDelay = TimeSpan.FromSeconds(10);
        });

        await generator.GenerateAsync(["a"]);

        Assert.Equal([2, 4, 8, 10, 10], _retries.Select(r => r.Delay.TotalSeconds));
        Assert.Equal(6, inner.Calls.Count);
    }

    [Fact]
    public async Task Waits_on_the_time_provider_not_the_wall_clock()
    {
        var inner = FailingFirst(1, () => new HttpRequestException("busy", null, HttpStatusCode.BadGateway));
        var scheduled = new TaskCompletionSource<EmbeddingRetryArguments>(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time).BuildServiceProvider();
        var generator = inner.AsBuilder().UseEmbeddingRetry(o =>
        {
            o.InitialDelay = TimeSpan.FromSeconds(30);
            o.OnRetry = retry =>
            {
                scheduled.SetResult(retry);
                return ValueTask.CompletedTask;
            };
        }).Build(services);

        var call = generator.GenerateAsync(["a"]);
        var retry = await scheduled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        await Task.Yield();
        Assert.False(call.IsCompleted);
        Assert.Single(inner.Calls);
        _time.Advance(TimeSpan.FromTicks(1));
        await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), retry.Delay);
        Assert.Equal(502, retry.StatusCode);
        Assert.Equal(2, inner.Calls.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_cap_is_not_waited_for()
    {
        var inner = new TestEmbeddingGenerator();
        var generator = Build(inner, o => o.MaxDelay = TimeSpan.FromSeconds(30));
        inner.Behavior = (_, _, _) => throw new System.ClientModel.ClientResultException("limited", new FakePipelineResponse(429, retryAfter: "3600"));

        var error = await Assert.ThrowsAsync<EmbeddingRetriesExhaustedException>(() => generator.GenerateAsync(["a"]));

        Assert.Single(inner.Calls);
        Assert.Empty(_retries);
        Assert.Contains("asked to wait 01:00:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("Retry:MaxDelay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        var when = _time.GetUtcNow().AddSeconds(42).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        var inner = new TestEmbeddingGenerator();
        inner.Behavior = (values, call, _) => call == 1
            ? throw new System.ClientModel.ClientResultException("limited", new FakePipelineResponse(503, retryAfter: when))
            : Task.FromResult(TestEmbeddingGenerator.Vectors(values, 2));
        var generator = Build(inner);

        await generator.GenerateAsync(["a"]);

        Assert.Equal(TimeSpan.FromSeconds(42), Assert.Single(_retries).Delay);
    }

    [Fact]
    public async Task Retry_after_ms_is_honoured()
    {
        var inner = new TestEmbeddingGenerator();
        inner.Behavior = (values, call, _) => call == 1
            ? throw new System.ClientModel.ClientResultException("limited", new FakePipelineResponse(429, retryAfterMs: "1500"))
            : Task.FromResult(TestEmbeddingGenerator.Vectors(values, 2));
        var generator = Build(inner);

        await generator.GenerateAsync(["a"]);

        Assert.Equal(TimeSpan.FromMilliseconds(1500), Assert.Single(_retries).Delay);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, typeof(EmbeddingAuthenticationException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(EmbeddingAuthenticationException))]
    [InlineData(HttpStatusCode.PaymentRequired, typeof(EmbeddingQuotaExceededException))]
    [InlineData(HttpStatusCode.NotFound, typeof(EmbeddingNotConfiguredException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(EmbeddingProviderException))]
    public async Task Client_errors_of_an_application_generator_are_typed_and_not_retried(HttpStatusCode status, Type expected)
    {
        var inner = FailingFirst(1, () => new HttpRequestException("no", null, status));
        var generator = Build(inner);

        var error = await Assert.ThrowsAnyAsync<EmbeddingProviderException>(() => generator.GenerateAsync(["a"]));

        Assert.IsType(expected, error);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Single(inner.Calls);
        Assert.Equal("test:scripted", error.ModelKey);
    }

    [Fact]
    public async Task Errors_that_are_not_provider_errors_pass_unchanged()
    {
        var inner = FailingFirst(1, () => new InvalidOperationException("bug"));
        var generator = Build(inner);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => generator.GenerateAsync(["a"]));

        Assert.Equal("bug", error.Message);
        Assert.Single(inner.Calls);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_retried()
    {
        using var cancellation = new CancellationTokenSource();
        var inner = new TestEmbeddingGenerator();
        inner.Behavior = (_, _, token) =>
        {
            cancellation.Cancel();
            token.ThrowIfCancellationRequested();
            throw new InvalidOperationException("unreachable");
        };
        var generator = Build(inner);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["a"], cancellationToken: cancellation.Token));

        Assert.Single(inner.Calls);
        Assert.Empty(_retries);
    }

    [Fact]
    public async Task Zero_retries_means_one_attempt()
    {
        var inner = FailingFirst(1, () => new TimeoutException());
        var generator = Build(inner, o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<EmbeddingRetriesExhaustedException>(() => generator.GenerateAsync(["a"]));

        Assert.Equal(1, error.Attempts);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }
}
