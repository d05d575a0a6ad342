namespace Aperture.Embeddings;

/// <summary>
/// A request kept failing with transient errors (rate limits, HTTP 5xx, timeouts, a provider that cannot be
/// reached) through every allowed retry. A later attempt may succeed.
/// </summary>
public sealed class EmbeddingRetriesExhaustedException : EmbeddingProviderException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="attempts">How many times the request was sent (1 or more).</param>
    /// <param name="modelKey">The model (<c>provider:model</c>) the request was for, when known.</param>
    /// <param name="statusCode">The status code of the last response, when there was one.</param>
    /// <param name="innerException">The last attempt's error.</param>
    public EmbeddingRetriesExhaustedException(string message, int attempts, string? modelKey = null, int? statusCode = null, Exception? innerException = null)
        : base(message, modelKey, statusCode, innerException)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        Attempts = attempts;
    }

    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; }
}
