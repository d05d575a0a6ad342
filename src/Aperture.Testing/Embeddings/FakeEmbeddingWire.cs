using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aperture.Testing;

/// <summary>The body of <c>POST /v1/embeddings</c>, as OpenAI defines it (input kept raw: a string or a list).</summary>
internal sealed record FakeEmbeddingRequestBody(
    [property: JsonPropertyName("input")] JsonElement Input,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("encoding_format")] string? EncodingFormat,
    [property: JsonPropertyName("dimensions")] int? Dimensions,
    [property: JsonPropertyName("user")] string? User);

/// <summary>One embedding of a response; <see cref="Embedding"/> is a float array or a base64 string.</summary>
internal sealed record FakeEmbeddingData(
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("embedding")] JsonElement Embedding);

/// <summary>The token usage of a response.</summary>
internal sealed record FakeEmbeddingUsage(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens);

/// <summary>A successful response.</summary>
internal sealed record FakeEmbeddingResponse(
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("data")] IReadOnlyList<FakeEmbeddingData> Data,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("usage")] FakeEmbeddingUsage Usage);

/// <summary>The error detail of an error response.</summary>
internal sealed record FakeEmbeddingError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("param")] string? Param,
    [property: JsonPropertyName("code")] string? Code);

/// <summary>An error response: <c>{"error": {…}}</c>.</summary>
internal sealed record FakeEmbeddingErrorResponse([property: JsonPropertyName("error")] FakeEmbeddingError Error);

/// <summary>Source-generated JSON for the fake server's wire types.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FakeEmbeddingRequestBody))]
[JsonSerializable(typeof(FakeEmbeddingResponse))]
[JsonSerializable(typeof(FakeEmbeddingErrorResponse))]
[JsonSerializable(typeof(float[]))]
internal sealed partial class FakeEmbeddingJsonContext : JsonSerializerContext;
