using System.ComponentModel.DataAnnotations;

namespace Aperture.Embeddings;

/// <summary>
/// How a failed embedding request is retried. Transient failures (HTTP 408, 429 rate limits, 5xx, time-outs,
/// an unreachable provider) are retried with capped exponential back-off; a <c>Retry-After</c> the provider
/// sends is honoured. Authentication and quota errors are never retried.
/// </summary>
public sealed class EmbeddingRetryOptions
{
    /// <summary>Retries after the first attempt (default 4, so at most 5 attempts); 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The back-off before the first retry (default 1 s); it doubles on each further retry.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait before a retry (default 60 s): the cap of the back-off, and the most a provider's
    /// <c>Retry-After</c> is honoured. A provider that asks to wait longer is not retried (the request fails as
    /// exhausted, so a job can move on and a later run try again).
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Called before each retry, once the wait is scheduled (for logging, metrics or tests). Never called for
    /// the first attempt.
    /// </summary>
    public Func<EmbeddingRetryArguments, ValueTask>? OnRetry { get; set; }

    /// <summary>Checks the ranges; each message names the setting.</summary>
    internal IEnumerable<ValidationResult> Validate()
    {
        if (MaxRetries is < 0 or > 20)
        {
            yield return new ValidationResult($"Aperture:Embeddings:Retry:MaxRetries must be between 0 and 20, got {MaxRetries}.", ["Retry." + nameof(MaxRetries)]);
        }

        if (InitialDelay < TimeSpan.Zero || InitialDelay > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"Aperture:Embeddings:Retry:InitialDelay must be between 0 and 10 minutes, got {InitialDelay}.", ["Retry." + nameof(InitialDelay)]);
        }

        if (MaxDelay < TimeSpan.Zero || MaxDelay > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"Aperture:Embeddings:Retry:MaxDelay must be between 0 and 1 hour, got {MaxDelay}.", ["Retry." + nameof(MaxDelay)]);
        }
    }
}
