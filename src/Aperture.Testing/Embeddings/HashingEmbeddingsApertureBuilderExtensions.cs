using Aperture.Testing;

namespace Aperture;

/// <summary>Registers the <see cref="HashingEmbeddingGenerator"/> as Aperture's embedding provider.</summary>
public static class HashingEmbeddingsApertureBuilderExtensions
{
    /// <summary>
    /// Uses <see cref="HashingEmbeddingGenerator"/> (model <c>hash:token-hash-N</c>): deterministic, offline and
    /// instant; for tests, demos and trying Aperture without a provider. Goes through Aperture's embedding
    /// pipeline like any other generator (see <c>AddEmbeddingGenerator</c>).
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    /// <param name="dimensions">The vector length (default 384).</param>
    public static IApertureBuilder AddHashingEmbeddings(this IApertureBuilder builder, int dimensions = HashingEmbeddingGenerator.DefaultDimensions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var generator = new HashingEmbeddingGenerator(dimensions);
        return builder.AddEmbeddingGenerator(generator, generator.ModelId.Provider, generator.ModelId.Model, generator.Dimensions);
    }
}
