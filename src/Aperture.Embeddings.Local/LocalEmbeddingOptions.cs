using System.ComponentModel.DataAnnotations;

namespace Aperture.Embeddings;

/// <summary>
/// Settings of the offline all-MiniLM-L6-v2 model. Bound from <c>Aperture:Embeddings:Local</c>; the pipeline
/// settings (batch size, concurrency) come from <c>Aperture:Embeddings</c> as for every provider.
/// </summary>
public sealed class LocalEmbeddingOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Aperture:Embeddings:Local";

    /// <summary>
    /// How many texts the model encodes in one pass (default 8). Texts are sorted by length first, so a pass
    /// holds texts of similar length and little padding is computed; larger passes gain nothing on a CPU.
    /// </summary>
    public int MicroBatchSize { get; set; } = 8;

    /// <summary>
    /// The CPU threads one pass may use; <see langword="null"/> (the default) for every core. Passes run one at
    /// a time, so this is the model's whole CPU budget.
    /// </summary>
    public int? Threads { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MicroBatchSize is < 1 or > 256)
        {
            yield return new ValidationResult($"Aperture:Embeddings:Local:MicroBatchSize must be between 1 and 256, got {MicroBatchSize}.", [nameof(MicroBatchSize)]);
        }

        if (Threads is < 1 or > 256)
        {
            yield return new ValidationResult($"Aperture:Embeddings:Local:Threads must be between 1 and 256, or unset for every core (got {Threads}).", [nameof(Threads)]);
        }
    }
}
