namespace Aperture.Embeddings;

/// <summary>
/// What error messages say about a provider: its name, its model and which settings fix what. Holds the API
/// key only so that it can be removed from provider texts; <see cref="ToString"/> never shows it.
/// </summary>
/// <param name="DisplayName">The provider for people, for example "OpenAI (https://api.openai.com/v1)".</param>
/// <param name="ModelKey">The model key (<c>provider:model</c>).</param>
/// <param name="Model">The model name as the provider knows it.</param>
/// <param name="CredentialsFix">What to do when the credentials are refused.</param>
/// <param name="ModelFix">What to do when the provider does not know the model.</param>
/// <param name="DimensionsFix">What to do when vectors have the wrong length.</param>
/// <param name="UnreachableHint">What to check when the provider cannot be reached, or an empty string.</param>
/// <param name="Secret">The API key, or <see langword="null"/>; only ever used to redact.</param>
internal sealed record EmbeddingProviderDescription(
    string DisplayName,
    string ModelKey,
    string Model,
    string CredentialsFix,
    string ModelFix,
    string DimensionsFix,
    string UnreachableHint,
    string? Secret)
{
    /// <summary>Describes an application's generator from its key and metadata.</summary>
    public static EmbeddingProviderDescription ForGenerator(string modelKey, string model) => new(
        $"The embedding generator for {modelKey}",
        modelKey,
        model,
        "Check the credentials of the generator registered with AddEmbeddingGenerator.",
        "Check the model of the generator registered with AddEmbeddingGenerator.",
        "Pass the model's real dimensions to AddEmbeddingGenerator (or none, to learn them from the provider).",
        string.Empty,
        null);

    /// <summary>Returns the display name and model key; never the secret.</summary>
    public override string ToString() => $"{DisplayName} [{ModelKey}]";
}
