namespace Aperture.Embeddings;

/// <summary>The stored vectors of one model.</summary>
/// <param name="Model">The model.</param>
/// <param name="VectorCount">How many vectors the store holds for it.</param>
/// <param name="IsActive">Whether it is the active model (the one new vectors are made with).</param>
public sealed record EmbeddingSet(EmbeddingModelId Model, int VectorCount, bool IsActive);
