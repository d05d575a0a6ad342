namespace Aperture.Embeddings;

/// <summary>
/// The provider account cannot pay for more requests (HTTP 402, or HTTP 429 with the code
/// <c>insufficient_quota</c>). Unlike a rate limit, waiting does not help: credit or a higher limit is needed.
/// </summary>
public sealed class EmbeddingQuotaExceededException : EmbeddingProviderException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="modelKey">The model (<c>provider:model</c>) the request was for, when known.</param>
    /// <param name="statusCode">The provider's HTTP status code (402 or 429).</param>
    /// <param name="innerException">The provider's own error, when there is one.</param>
    public EmbeddingQuotaExceededException(string message, string? modelKey = null, int? statusCode = null, Exception? innerException = null)
        : base(message, modelKey, statusCode, innerException)
    {
    }

    /// <inheritdoc />
    public override bool RequiresUserAction => true;
}
