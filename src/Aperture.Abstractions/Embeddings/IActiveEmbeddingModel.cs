namespace Aperture.Embeddings;

/// <summary>
/// The embedding model in force: the one new vectors are made with and recommendations read. Registered by the
/// embedding provider's DI method.
/// </summary>
public interface IActiveEmbeddingModel
{
    /// <summary>
    /// Resolves the active model's identity. Dimensions that are not known from configuration are learned once
    /// from the provider (one probe call) and then cached.
    /// </summary>
    /// <exception cref="ApertureException">No embedding provider is configured; the message says how to configure one.</exception>
    ValueTask<EmbeddingModelId> GetAsync(CancellationToken cancellationToken = default);
}
