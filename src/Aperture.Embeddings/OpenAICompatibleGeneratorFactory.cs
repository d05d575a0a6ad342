using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;

namespace Aperture.Embeddings;

/// <summary>
/// Creates a Microsoft.Extensions.AI generator over the OpenAI SDK's <see cref="EmbeddingClient"/> for any
/// server speaking OpenAI's <c>/v1/embeddings</c> (OpenAI itself, Ollama, compatible gateways).
/// </summary>
/// <remarks>
/// The SDK's own retries are switched off (Aperture's retry middleware retries on the
/// <see cref="TimeProvider"/>, honours <c>Retry-After</c> and knows quota from rate limits); HTTP goes through
/// <see cref="IHttpClientFactory"/>; the SDK's network time-out bounds each request.
/// </remarks>
internal static class OpenAICompatibleGeneratorFactory
{
    /// <summary>A key for servers that need none: the SDK insists on a credential.</summary>
    private const string KeylessCredential = "no-key";

    /// <summary>Creates the generator.</summary>
    /// <param name="httpClient">The HTTP client (from <see cref="IHttpClientFactory"/>, with no time-out of its own).</param>
    /// <param name="endpoint">The API root including <c>/v1</c>, or <see langword="null"/> for OpenAI.</param>
    /// <param name="apiKey">The API key, or <see langword="null"/> for a server that needs none.</param>
    /// <param name="model">The model.</param>
    /// <param name="dimensions">Dimensions to request (text-embedding-3 only), or <see langword="null"/>.</param>
    /// <param name="requestTimeout">The most one request may take.</param>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(
        HttpClient httpClient,
        Uri? endpoint,
        string? apiKey,
        string model,
        int? dimensions,
        TimeSpan requestTimeout)
    {
        var options = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = requestTimeout,
        };
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }

        var credential = new ApiKeyCredential(string.IsNullOrWhiteSpace(apiKey) ? KeylessCredential : apiKey);
        return new EmbeddingClient(model, credential, options).AsIEmbeddingGenerator(dimensions);
    }
}
