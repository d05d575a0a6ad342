namespace Aperture.Testing;

/// <summary>One request the <see cref="FakeOpenAIEmbeddingServer"/> received.</summary>
/// <param name="Model">The <c>model</c> asked for.</param>
/// <param name="Inputs">The texts (the <c>input</c>, as a list even when a single string was sent).</param>
/// <param name="EncodingFormat">The <c>encoding_format</c> asked for (<c>float</c>, <c>base64</c>), or <see langword="null"/>.</param>
/// <param name="Dimensions">The <c>dimensions</c> asked for, or <see langword="null"/>.</param>
/// <param name="BearerToken">The token of the <c>Authorization: Bearer</c> header, or <see langword="null"/>.</param>
/// <param name="StatusCode">The status the server answered with; 0 while the answer is not finished (499 when the client gave up).</param>
public sealed record FakeEmbeddingRequest(
    string? Model,
    IReadOnlyList<string> Inputs,
    string? EncodingFormat,
    int? Dimensions,
    string? BearerToken,
    int StatusCode);
