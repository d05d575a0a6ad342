using System.ComponentModel.DataAnnotations;

namespace Aperture.Embeddings;

/// <summary>Settings of the Ollama embedding provider. Bound from <c>Aperture:Embeddings</c>.</summary>
public sealed class OllamaEmbeddingOptions : EmbeddingProviderOptions
{
    /// <summary>The default of <see cref="BaseUrl"/>.</summary>
    public static readonly Uri DefaultBaseUrl = new("http://localhost:11434");

    /// <summary>The default of <see cref="Model"/>.</summary>
    public const string DefaultModel = "nomic-embed-text";

    /// <summary>
    /// The most texts sent to Ollama in one request. Ollama states no limit; this keeps a request's work (and
    /// its time-out) bounded on a small machine.
    /// </summary>
    public const int MaxInputsPerRequest = 2048;

    /// <summary>The Ollama server's root (default <c>http://localhost:11434</c>), without <c>/v1</c>.</summary>
    [Required(ErrorMessage = "Aperture:Embeddings:BaseUrl must be the Ollama server's URL, for example http://localhost:11434.")]
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The model (default <c>nomic-embed-text</c>); pull it first with <c>ollama pull &lt;model&gt;</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Aperture:Embeddings:Model must name an Ollama embedding model, for example nomic-embed-text.")]
    public string Model { get; set; } = DefaultModel;

    /// <summary>
    /// The model's vector length, when it is not one Aperture knows; <see langword="null"/> to use the known size
    /// or to learn it from one probe request. Ollama cannot shorten vectors: this only states the size.
    /// </summary>
    public int? Dimensions { get; set; }

    /// <summary>
    /// How long one request may take before it is abandoned and retried (default 5 minutes: the first request
    /// loads the model, which can take long on a small machine).
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override int? MaxBatchSizeLimit => MaxInputsPerRequest;

    /// <inheritdoc />
    protected override string ProviderDisplayName => "Ollama";

    /// <inheritdoc />
    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }

        if (Dimensions is < 1 or > 16384)
        {
            yield return new ValidationResult($"Aperture:Embeddings:Dimensions must be between 1 and 16384, or unset for the model's own size (got {Dimensions}).", [nameof(Dimensions)]);
        }

        if (RequestTimeout < TimeSpan.FromSeconds(1) || RequestTimeout > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"Aperture:Embeddings:RequestTimeout must be between 1 second and 1 hour, got {RequestTimeout}.", [nameof(RequestTimeout)]);
        }

        if (BaseUrl is { } baseUrl && !(baseUrl.IsAbsoluteUri && (baseUrl.Scheme == Uri.UriSchemeHttp || baseUrl.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult(
                $"Aperture:Embeddings:BaseUrl must be an absolute http or https URL such as http://localhost:11434 (got '{(baseUrl.IsAbsoluteUri ? baseUrl.Scheme + "://…" : "a relative URL")}').",
                [nameof(BaseUrl)]);
        }
    }
}
