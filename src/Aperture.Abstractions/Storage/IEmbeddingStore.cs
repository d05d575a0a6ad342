using Aperture.Embeddings;

namespace Aperture.Storage;

/// <summary>Movie vectors, kept per embedding model.</summary>
public interface IEmbeddingStore
{
    /// <summary>
    /// Reads the text hash of every stored vector of <paramref name="modelKey"/> (<c>provider:model</c>), by movie:
    /// a movie that is missing, or whose hash differs from its current text's, needs embedding.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> GetTextHashesAsync(string modelKey, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces vectors (keyed by movie and model) in one transaction.</summary>
    /// <exception cref="ArgumentException">
    /// A vector's length differs from its model's dimensions, or a model key already holds vectors of other
    /// dimensions (in the store or in the batch: purge the model first). Nothing of the batch is stored then.
    /// </exception>
    Task UpsertVectorsAsync(IReadOnlyList<MovieVector> vectors, CancellationToken cancellationToken = default);

    /// <summary>Reads every vector of one model, ordered by movie id.</summary>
    Task<IReadOnlyList<MovieVector>> GetVectorsAsync(string modelKey, CancellationToken cancellationToken = default);

    /// <summary>Lists the models that have vectors, with their vector counts, ordered by key.</summary>
    Task<IReadOnlyList<EmbeddingModelUsage>> GetModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes every vector of one model; returns how many were deleted.</summary>
    Task<int> PurgeModelAsync(string modelKey, CancellationToken cancellationToken = default);
}

/// <summary>A model and how many vectors the store holds for it.</summary>
/// <param name="Model">The model.</param>
/// <param name="VectorCount">Stored vectors of that model.</param>
public sealed record EmbeddingModelUsage(EmbeddingModelId Model, int VectorCount);
