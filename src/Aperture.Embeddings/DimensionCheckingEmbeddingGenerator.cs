using Microsoft.Extensions.AI;

namespace Aperture.Embeddings;

/// <summary>
/// Refuses vectors whose length is not the active model's dimensions: it throws
/// <see cref="EmbeddingDimensionMismatchException"/> instead of returning them, so they are never stored.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
internal sealed class DimensionCheckingEmbeddingGenerator<TInput> : DelegatingEmbeddingGenerator<TInput, Embedding<float>>
{
    private readonly IActiveEmbeddingModel _model;
    private readonly string _fix;

    /// <summary>Wraps <paramref name="innerGenerator"/>.</summary>
    /// <param name="innerGenerator">The generator whose vectors are checked.</param>
    /// <param name="model">The active model, whose dimensions every vector must have.</param>
    /// <param name="fix">What the error message tells a person to change.</param>
    public DimensionCheckingEmbeddingGenerator(IEmbeddingGenerator<TInput, Embedding<float>> innerGenerator, IActiveEmbeddingModel model, string fix)
        : base(innerGenerator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fix);
        _model = model;
        _fix = fix;
    }

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<TInput> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var model = await _model.GetAsync(cancellationToken).ConfigureAwait(false);
        var embeddings = await base.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
        foreach (var embedding in embeddings)
        {
            if (embedding.Vector.Length != model.Dimensions)
            {
                throw Mismatch(model, embedding.Vector.Length, _fix);
            }
        }

        return embeddings;
    }

    /// <summary>The error for a vector of <paramref name="actual"/> dimensions under <paramref name="model"/>.</summary>
    internal static EmbeddingDimensionMismatchException Mismatch(EmbeddingModelId model, int actual, string fix) => new(
        $"The embedding provider returned {actual}-dimension vectors for {model.Key}, which is set up for {model.Dimensions} dimensions; " +
        $"the vectors were not used. {fix}",
        model.Dimensions,
        actual,
        model.Key);
}
