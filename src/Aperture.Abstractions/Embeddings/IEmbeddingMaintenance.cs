namespace Aperture.Embeddings;

/// <summary>
/// Looks after the stored vector sets: one set per embedding model. Switching models leaves the old set in the
/// store (switching back is then free); this is where an application lists and purges sets.
/// </summary>
public interface IEmbeddingMaintenance
{
    /// <summary>Lists every model that has stored vectors, with its vector count and whether it is the active model.</summary>
    Task<IReadOnlyList<EmbeddingSet>> GetSetsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes every stored vector of <paramref name="modelKey"/> (<c>provider:model</c>).</summary>
    /// <returns>How many vectors were deleted (0 when the model had none).</returns>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="modelKey"/> is the active model: recommendations read its vectors. Switch models first.
    /// </exception>
    Task<int> PurgeAsync(string modelKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes the vectors of every model except the active one.</summary>
    /// <returns>How many vectors were deleted.</returns>
    Task<int> PurgeInactiveAsync(CancellationToken cancellationToken = default);
}
