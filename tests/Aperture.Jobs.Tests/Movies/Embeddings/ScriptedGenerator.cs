using Aperture.Testing;
using Microsoft.Extensions.AI;

namespace Aperture.Jobs.Tests.Movies.Embeddings;

/// <summary>A hashing generator whose vectors a test can rewrite per text.</summary>
internal sealed class ScriptedGenerator(int dimensions, Func<string, float[], float[]> rewrite) : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(
            values.Select(text => new Embedding<float>(rewrite(text, HashingEmbeddingGenerator.Embed(text, dimensions))))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
