using Aperture.Storage;

namespace Aperture.Embeddings.Tests;

/// <summary>A minimal <see cref="IEmbeddingStore"/> for the package's own tests (the full stores have their own).</summary>
internal sealed class TestEmbeddingStore : IEmbeddingStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid MovieId, string ModelKey), MovieVector> _vectors = [];

    public Task<IReadOnlyDictionary<Guid, string>> GetTextHashesAsync(string modelKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<Guid, string> hashes = _vectors.Values.Where(v => v.Model.Key == modelKey).ToDictionary(v => v.MovieId, v => v.TextHash);
            return Task.FromResult(hashes);
        }
    }

    public Task UpsertVectorsAsync(IReadOnlyList<MovieVector> vectors, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var vector in vectors)
            {
                _vectors[(vector.MovieId, vector.Model.Key)] = vector;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MovieVector>> GetVectorsAsync(string modelKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<MovieVector> vectors = _vectors.Values.Where(v => v.Model.Key == modelKey).ToList();
            return Task.FromResult(vectors);
        }
    }

    public Task<IReadOnlyList<EmbeddingModelUsage>> GetModelsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<EmbeddingModelUsage> models = _vectors.Values
                .GroupBy(v => v.Model.Key)
                .Select(g => new EmbeddingModelUsage(g.First().Model, g.Count()))
                .OrderBy(u => u.Model.Key, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(models);
        }
    }

    public Task<int> PurgeModelAsync(string modelKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var keys = _vectors.Keys.Where(k => k.ModelKey == modelKey).ToList();
            keys.ForEach(k => _vectors.Remove(k));
            return Task.FromResult(keys.Count);
        }
    }
}
