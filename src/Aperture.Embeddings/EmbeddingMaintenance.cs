using Aperture.Storage;
using Microsoft.Extensions.Logging;

namespace Aperture.Embeddings;

/// <summary>Lists and purges stored vector sets; never purges the active model's.</summary>
internal sealed class EmbeddingMaintenance(IEmbeddingStore store, IActiveEmbeddingModel activeModel, ILogger<EmbeddingMaintenance> logger)
    : IEmbeddingMaintenance
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<EmbeddingSet>> GetSetsAsync(CancellationToken cancellationToken = default)
    {
        var activeKey = await GetActiveKeyAsync(cancellationToken).ConfigureAwait(false);
        var models = await store.GetModelsAsync(cancellationToken).ConfigureAwait(false);
        return models
            .Select(usage => new EmbeddingSet(usage.Model, usage.VectorCount, string.Equals(usage.Model.Key, activeKey, StringComparison.Ordinal)))
            .ToList();
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(string modelKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelKey);
        var activeKey = await GetActiveKeyAsync(cancellationToken).ConfigureAwait(false);
        if (string.Equals(modelKey, activeKey, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"'{modelKey}' is the active embedding model: recommendations read its vectors, so they are not purged. " +
                "Switch to another model first (and run generate-movie-embeddings), then purge this one.");
        }

        var count = await store.PurgeModelAsync(modelKey, cancellationToken).ConfigureAwait(false);
        EmbeddingLog.Purged(logger, modelKey, count);
        return count;
    }

    /// <inheritdoc />
    public async Task<int> PurgeInactiveAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        foreach (var set in await GetSetsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!set.IsActive)
            {
                total += await PurgeAsync(set.Model.Key, cancellationToken).ConfigureAwait(false);
            }
        }

        return total;
    }

    /// <summary>The active model's key, without a probe request when the model is one of ours.</summary>
    private async ValueTask<string> GetActiveKeyAsync(CancellationToken cancellationToken) =>
        activeModel is ActiveEmbeddingModel ours
            ? ours.Key
            : (await activeModel.GetAsync(cancellationToken).ConfigureAwait(false)).Key;
}
