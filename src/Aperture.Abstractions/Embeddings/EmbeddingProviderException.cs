namespace Aperture.Embeddings;

/// <summary>
/// An embedding provider could not produce vectors. The message says what went wrong and what to do; it never
/// contains an API key. Derived types name the cases a caller treats differently.
/// </summary>
/// <remarks>
/// <see cref="RequiresUserAction"/> separates errors that will recur on every request until a person changes
/// something (a bad key, no quota, a wrong model or dimension) from errors tied to one request or one moment
/// (a rejected input, a provider that stayed unavailable through every retry).
/// </remarks>
public class EmbeddingProviderException : ApertureException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="modelKey">The model (<c>provider:model</c>) the request was for, when known.</param>
    /// <param name="statusCode">The provider's HTTP status code, when there was a response.</param>
    /// <param name="innerException">The provider's own error, when there is one.</param>
    public EmbeddingProviderException(string message, string? modelKey = null, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ModelKey = modelKey;
        StatusCode = statusCode;
    }

    /// <summary>The model (<c>provider:model</c>) the request was for, when known.</summary>
    public string? ModelKey { get; }

    /// <summary>The provider's HTTP status code, when there was a response.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// Whether every further request would fail the same way until a person fixes the configuration or the
    /// account; a job stops at once on such an error instead of trying its other batches.
    /// </summary>
    public virtual bool RequiresUserAction => false;
}
