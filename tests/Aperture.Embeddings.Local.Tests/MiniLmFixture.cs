using Aperture.Embeddings.Local;

namespace Aperture.Embeddings.Local.Tests;

/// <summary>One loaded model for the whole test class (loading takes about half a second).</summary>
public sealed class MiniLmFixture : IDisposable
{
    internal MiniLmEmbeddingGenerator Generator { get; } = new(new LocalEmbeddingOptions());

    public void Dispose() => Generator.Dispose();
}
