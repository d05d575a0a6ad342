using System.ComponentModel.DataAnnotations;

namespace Aperture.Embeddings;

/// <summary>
/// Settings of the OpenAI embedding provider (or any server with OpenAI's <c>/v1/embeddings</c> API).
/// Bound from <c>Aperture:Embeddings</c>.
/// </summary>
public sealed class OpenAIEmbeddingOptions : EmbeddingProviderOptions
{
    /// <summary>The most texts OpenAI accepts in one embeddings request.</summary>
    public const int MaxInputsPerRequest = 2048;

    /// <summary>The default of <see cref="Model"/>.</summary>
    public const string DefaultModel = "text-embedding-3-small";

    /// <summary>
    /// The API key. Required for OpenAI itself; optional when <see cref="BaseUrl"/> points at a server that needs
    /// none. It is sent only in the <c>Authorization</c> header and never logged or put in an error message.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The model (default <c>text-embedding-3-small</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Aperture:Embeddings:Model must name an embedding model, for example text-embedding-3-small.")]
    public string Model { get; set; } = DefaultModel;

    /// <summary>
    /// The API root of an OpenAI-compatible server, including its version segment (for example
    /// <c>https://example.org/v1</c>); <see langword="null"/> for OpenAI (<c>https://api.openai.com/v1</c>).
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// Shortens the vectors to this many dimensions (text-embedding-3 models only); <see langword="null"/> for the
    /// model's own size. A shortened model is stored as its own vector set (<c>openai:model@N</c>).
    /// </summary>
    public int? Dimensions { get; set; }

    /// <summary>How long one request may take before it is abandoned and retried (default 60 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    protected override int? MaxBatchSizeLimit => MaxInputsPerRequest;

    /// <inheritdoc />
    protected override string ProviderDisplayName => "OpenAI";

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

        if (BaseUrl is null && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult(
                "Aperture:Embeddings:ApiKey is missing: OpenAI needs an API key (create one at https://platform.openai.com/api-keys). " +
                "Set it in configuration or in the options of AddOpenAIEmbeddings; for a keyless OpenAI-compatible server set Aperture:Embeddings:BaseUrl instead.",
                [nameof(ApiKey)]);
        }

        if (BaseUrl is { } baseUrl && !IsHttp(baseUrl))
        {
            yield return new ValidationResult(
                $"Aperture:Embeddings:BaseUrl must be an absolute http or https URL such as https://example.org/v1 (got '{(baseUrl.IsAbsoluteUri ? baseUrl.Scheme + "://…" : "a relative URL")}').",
                [nameof(BaseUrl)]);
        }
    }

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
