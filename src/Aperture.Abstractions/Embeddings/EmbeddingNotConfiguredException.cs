namespace Aperture.Embeddings;

/// <summary>
/// No usable embedding provider: none is registered, or the registered one names a model the provider does not
/// have. The message says how to configure one.
/// </summary>
public sealed class EmbeddingNotConfiguredException : EmbeddingProviderException
{
    /// <summary>
    /// The message used when no provider is registered at all: it lists the ways to register one.
    /// </summary>
    public const string NoProviderMessage =
        "No embedding provider is configured. Register one when composing Aperture: " +
        "builder.AddOpenAIEmbeddings(o => o.ApiKey = ...) (or the Aperture:Embeddings:ApiKey setting), " +
        "builder.AddOllamaEmbeddings() for a local Ollama server, " +
        "builder.AddLocalEmbeddings() from the Aperture.Embeddings.Local package (offline, no key), " +
        "or builder.AddEmbeddingGenerator(...) for any Microsoft.Extensions.AI embedding generator.";

    /// <summary>Creates the exception with <see cref="NoProviderMessage"/>.</summary>
    public EmbeddingNotConfiguredException()
        : this(NoProviderMessage)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and how to configure it.</param>
    /// <param name="modelKey">The model (<c>provider:model</c>), when one is registered.</param>
    /// <param name="statusCode">The provider's HTTP status code, when it answered (for example 404 for an unknown model).</param>
    /// <param name="innerException">The provider's own error, when there is one.</param>
    public EmbeddingNotConfiguredException(string message, string? modelKey = null, int? statusCode = null, Exception? innerException = null)
        : base(message, modelKey, statusCode, innerException)
    {
    }

    /// <inheritdoc />
    public override bool RequiresUserAction => true;
}
