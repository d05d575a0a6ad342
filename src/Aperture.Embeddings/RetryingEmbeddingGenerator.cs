using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Aperture.Embeddings;

/// <summary>
/// Retries transient provider failures with capped exponential back-off, honouring the provider's
/// <c>Retry-After</c>, and turns every provider error into a typed <see cref="EmbeddingProviderException"/>
/// whose message says what to fix. Waits run on the <see cref="TimeProvider"/>, so tests never sleep.
/// </summary>
/// <remarks>
/// Authentication (401/403), quota (402, <c>insufficient_quota</c>), unknown-model (404) and other 4xx errors are
/// never retried. Exceptions that are not provider errors (a bug in an application's generator) pass unchanged.
/// </remarks>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TEmbedding">The embedding type.</typeparam>
internal sealed class RetryingEmbeddingGenerator<TInput, TEmbedding> : DelegatingEmbeddingGenerator<TInput, TEmbedding>
    where TEmbedding : Embedding
{
    private readonly EmbeddingRetryOptions _options;
    private readonly EmbeddingProviderDescription _provider;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Wraps <paramref name="innerGenerator"/>.</summary>
    public RetryingEmbeddingGenerator(
        IEmbeddingGenerator<TInput, TEmbedding> innerGenerator,
        EmbeddingRetryOptions options,
        EmbeddingProviderDescription provider,
        TimeProvider timeProvider,
        ILogger logger)
        : base(innerGenerator)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _provider = provider;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<TEmbedding>> GenerateAsync(
        IEnumerable<TInput> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values as IReadOnlyList<TInput> ?? values.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.GenerateAsync(inputs, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not EmbeddingProviderException && !cancellationToken.IsCancellationRequested)
            {
                var failure = EmbeddingErrorClassifier.Classify(exception, _timeProvider, _provider.Secret);
                if (failure.Kind != EmbeddingFailureKind.Transient)
                {
                    if (failure.Kind == EmbeddingFailureKind.Unknown)
                    {
                        throw;
                    }

                    EmbeddingLog.RequestFailed(_logger, _provider.ModelKey, failure.Kind, failure.Reason);
                    throw CreateFatal(failure, exception);
                }

                var delay = NextDelay(attempt, failure.RetryAfter);
                if (attempt > _options.MaxRetries || delay > _options.MaxDelay)
                {
                    EmbeddingLog.RetriesExhausted(_logger, _provider.ModelKey, attempt, failure.Reason);
                    throw CreateExhausted(failure, attempt, delay, exception);
                }

                EmbeddingLog.RetryScheduled(_logger, _provider.ModelKey, attempt, failure.Reason, delay);

                // The timer exists before OnRetry runs, so a test's FakeTimeProvider can advance past it there.
                var wait = Task.Delay(delay, _timeProvider, cancellationToken);
                if (_options.OnRetry is { } onRetry)
                {
                    await onRetry(new EmbeddingRetryArguments(attempt, delay, failure.StatusCode, failure.RetryAfter, failure.Reason)).ConfigureAwait(false);
                }

                await wait.ConfigureAwait(false);
            }
        }
    }

    /// <summary>The provider's <c>Retry-After</c> when it sent one, else the capped exponential back-off.</summary>
    private TimeSpan NextDelay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } requested)
        {
            return requested;
        }

        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var backoff = TimeSpan.FromTicks((long)Math.Min(_options.InitialDelay.Ticks * factor, TimeSpan.MaxValue.Ticks / 2.0));
        return backoff < _options.MaxDelay ? backoff : _options.MaxDelay;
    }

    private EmbeddingProviderException CreateFatal(EmbeddingFailure failure, Exception inner)
    {
        var p = _provider;
        return failure.Kind switch
        {
            EmbeddingFailureKind.Authentication => new EmbeddingAuthenticationException(
                $"{p.DisplayName} refused the credentials for {p.ModelKey} ({failure.Reason}). {p.CredentialsFix}",
                p.ModelKey, failure.StatusCode, inner),
            EmbeddingFailureKind.Quota => new EmbeddingQuotaExceededException(
                $"{p.DisplayName} says the account has no quota left for {p.ModelKey} ({failure.Reason}). " +
                "Add credit or raise the usage limit in the provider's billing settings, then run the job again; retrying sooner does not help.",
                p.ModelKey, failure.StatusCode, inner),
            EmbeddingFailureKind.ModelNotFound => new EmbeddingNotConfiguredException(
                $"{p.DisplayName} does not know the model '{p.Model}' ({failure.Reason}). {p.ModelFix}",
                p.ModelKey, failure.StatusCode, inner),
            _ => new EmbeddingProviderException(
                $"{p.DisplayName} rejected the request for {p.ModelKey} ({failure.Reason}); it is not retried because the same request would be rejected again. " +
                "If the texts are the cause (for example too long for the model), they stay unembedded; otherwise check the model settings.",
                p.ModelKey, failure.StatusCode, inner),
        };
    }

    private EmbeddingRetriesExhaustedException CreateExhausted(EmbeddingFailure failure, int attempts, TimeSpan delay, Exception inner)
    {
        var p = _provider;
        var message = attempts > _options.MaxRetries
            ? $"{p.DisplayName} kept failing for {p.ModelKey}: {failure.Reason} (attempt {attempts} of {attempts}). " +
              $"The provider may be down, overloaded or unreachable{p.UnreachableHint}; the texts stay unembedded and a later run tries them again."
            : $"{p.DisplayName} asked to wait {delay} before retrying {p.ModelKey} ({failure.Reason}), longer than Aperture:Embeddings:Retry:MaxDelay ({_options.MaxDelay}). " +
              "The texts stay unembedded; run again later, or raise Retry:MaxDelay.";
        return new EmbeddingRetriesExhaustedException(message, attempts, p.ModelKey, failure.StatusCode, inner);
    }
}
