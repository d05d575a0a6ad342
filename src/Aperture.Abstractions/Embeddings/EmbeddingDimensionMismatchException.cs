namespace Aperture.Embeddings;

/// <summary>
/// The provider returned vectors of a length other than the active model's dimensions (or a different number
/// of vectors than texts). Such vectors are never stored: they cannot be compared with the others.
/// </summary>
public sealed class EmbeddingDimensionMismatchException : EmbeddingProviderException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and which setting to fix.</param>
    /// <param name="expectedDimensions">The active model's dimensions.</param>
    /// <param name="actualDimensions">The length the provider returned.</param>
    /// <param name="modelKey">The model (<c>provider:model</c>).</param>
    public EmbeddingDimensionMismatchException(string message, int expectedDimensions, int actualDimensions, string? modelKey = null)
        : base(message, modelKey)
    {
        ExpectedDimensions = expectedDimensions;
        ActualDimensions = actualDimensions;
    }

    /// <summary>The active model's dimensions.</summary>
    public int ExpectedDimensions { get; }

    /// <summary>The length the provider returned.</summary>
    public int ActualDimensions { get; }

    /// <inheritdoc />
    public override bool RequiresUserAction => true;
}
