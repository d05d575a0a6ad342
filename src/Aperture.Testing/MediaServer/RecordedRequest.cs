namespace Aperture.Testing;

/// <summary>A request the <see cref="MediaServerEmulator"/> received, as the client sent it.</summary>
/// <param name="Method">The HTTP method, for example <c>GET</c>.</param>
/// <param name="Path">The path as sent, including any <c>/emby</c> prefix, without the query.</param>
/// <param name="Route">The path as the emulator routed it: the <c>/emby</c> prefix removed.</param>
/// <param name="Query">The query parameters, names as sent (looked up case-insensitively); repeated names are joined with commas.</param>
/// <param name="Headers">The request headers (looked up case-insensitively); values include credentials, so never log them.</param>
/// <param name="Body">The request body as text, or <see langword="null"/> when there was none.</param>
/// <param name="Endpoint">What the emulator understood the request to be.</param>
/// <param name="StatusCode">The status code the emulator answered with.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Route,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    EmulatorEndpoint Endpoint,
    int StatusCode);
