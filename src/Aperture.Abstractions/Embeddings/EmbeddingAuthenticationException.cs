namespace Aperture.Embeddings;

/// <summary>The provider refused the credentials (HTTP 401 or 403): the API key is missing, wrong, revoked or lacks access to the model.</summary>
public sealed class EmbeddingAuthenticationException : EmbeddingProviderException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and which setting to fix; never the key itself.</param>
    /// <param name="modelKey">The model (<c>provider:model</c>) the request was for, when known.</param>
    /// <param name="statusCode">The provider's HTTP status code (401 or 403).</param>
    /// <param name="innerException">The provider's own error, when there is one.</param>
    public EmbeddingAuthenticationException(string message, string? modelKey = null, int? statusCode = null, Exception? innerException = null)
        : base(message, modelKey, statusCode, innerException)
    {
    }

    /// <inheritdoc />
    public override bool RequiresUserAction => true;
}
