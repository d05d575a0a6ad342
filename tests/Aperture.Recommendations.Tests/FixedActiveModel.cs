using Aperture.Embeddings;

namespace Aperture.Recommendations.Tests;

/// <summary>An active embedding model that is always the given one.</summary>
internal sealed class FixedActiveModel(EmbeddingModelId model) : IActiveEmbeddingModel
{
    public ValueTask<EmbeddingModelId> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(model);
}
