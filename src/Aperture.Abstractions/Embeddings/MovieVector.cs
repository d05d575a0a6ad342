namespace Aperture.Embeddings;

/// <summary>The embedding of one movie's text under one model.</summary>
/// <param name="MovieId">Aperture's id of the movie.</param>
/// <param name="Model">The model that produced the vector; its dimensions equal <see cref="Vector"/>'s length.</param>
/// <param name="TextHash">The hash of the text that was embedded; a different hash means the vector is stale.</param>
/// <param name="Vector">The vector as the provider returned it.</param>
public sealed record MovieVector(Guid MovieId, EmbeddingModelId Model, string TextHash, ReadOnlyMemory<float> Vector);
