using System.ComponentModel.DataAnnotations;

namespace Aperture.Embeddings;

/// <summary>
/// How Aperture calls an embedding provider: request size, concurrency and retries. Bound from
/// <c>Aperture:Embeddings</c>; each provider's options add their own settings.
/// </summary>
public class EmbeddingProviderOptions : IValidatableObject
{
    /// <summary>The configuration section the embedding options are bound from.</summary>
    public const string SectionName = "Aperture:Embeddings";

    /// <summary>The default of <see cref="BatchSize"/>.</summary>
    public const int DefaultBatchSize = 128;

    /// <summary>The default of <see cref="MaxConcurrency"/>.</summary>
    public const int DefaultMaxConcurrency = 2;

    /// <summary>
    /// The most texts sent in one provider request (default 128). Larger inputs are split; it may not exceed
    /// the provider's own limit (<see cref="MaxBatchSizeLimit"/>).
    /// </summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>The most provider requests in flight at once, across every caller (default 2).</summary>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>How failed requests are retried.</summary>
    public EmbeddingRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The most texts the provider accepts in one request; <see cref="BatchSize"/> may not exceed it. The provider
    /// defines it (OpenAI: 2 048); <see langword="null"/> when the provider states no limit.
    /// </summary>
    protected virtual int? MaxBatchSizeLimit => null;

    /// <summary>The provider's name in validation messages, for example <c>OpenAI</c>.</summary>
    protected virtual string ProviderDisplayName => "the embedding provider";

    /// <inheritdoc />
    /// <remarks>
    /// Ranges are checked here rather than with <c>[Range]</c>: the options source generator replaces that
    /// attribute with its own, which drops the custom message that names the setting.
    /// </remarks>
    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BatchSize < 1)
        {
            yield return new ValidationResult($"Aperture:Embeddings:BatchSize must be 1 or more (texts per provider request), got {BatchSize}.", [nameof(BatchSize)]);
        }

        if (MaxConcurrency is < 1 or > 64)
        {
            yield return new ValidationResult($"Aperture:Embeddings:MaxConcurrency must be between 1 and 64 (provider requests in flight at once), got {MaxConcurrency}.", [nameof(MaxConcurrency)]);
        }

        if (Retry is null)
        {
            yield return new ValidationResult("Aperture:Embeddings:Retry must not be null.", [nameof(Retry)]);
        }
        else
        {
            foreach (var result in Retry.Validate())
            {
                yield return result;
            }
        }

        if (MaxBatchSizeLimit is { } limit && BatchSize > limit)
        {
            yield return new ValidationResult(
                $"Aperture:Embeddings:BatchSize is {BatchSize}, but {ProviderDisplayName} accepts at most {limit} texts per request. Set it to {limit} or less.",
                [nameof(BatchSize)]);
        }
    }
}
