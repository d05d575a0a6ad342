using Microsoft.Extensions.AI;

namespace Aperture.Embeddings;

/// <summary>What a provider registration hands to the shared pipeline: the raw generator and its identity.</summary>
/// <param name="Generator">The provider's generator: one provider request per call, no retries of its own.</param>
/// <param name="Provider">The provider part of the model key, lower case (for example <c>openai</c>).</param>
/// <param name="Model">The model part of the model key.</param>
/// <param name="Dimensions">The vector length when known; <see langword="null"/> to learn it with one probe request.</param>
/// <param name="Description">What error messages say about the provider.</param>
internal sealed record EmbeddingProviderSetup(
    IEmbeddingGenerator<string, Embedding<float>> Generator,
    string Provider,
    string Model,
    int? Dimensions,
    EmbeddingProviderDescription Description);
