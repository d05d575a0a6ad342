using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Aperture.MediaServers;

/// <summary>
/// Sends requests to the media server through the resilient named <see cref="HttpClient"/> and turns every failure
/// into a <see cref="MediaServerException"/> that names the server and endpoint, never the API key.
/// </summary>
internal sealed class MediaServerTransport
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for the media server.</summary>
    public const string HttpClientName = "Aperture.MediaServer";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly MediaServerOptions _options;

    public MediaServerTransport(IHttpClientFactory httpClientFactory, IOptions<MediaServerOptions> options)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        BaseUri = new Uri(_options.BaseUrl.TrimEnd('/') + "/");
    }

    /// <summary>The server's base address, ending with a slash (relative request URIs keep a path prefix such as <c>/emby</c>).</summary>
    public Uri BaseUri { get; }

    /// <summary>Sends a GET and reads the JSON answer.</summary>
    public Task<T> GetAsync<T>(string relativeUri, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, relativeUri, content: null, typeInfo, cancellationToken);

    /// <summary>Sends a request whose answer has no body worth reading (204 or an ignored 200 body).</summary>
    public async Task SendAsync(HttpMethod method, string relativeUri, HttpContent? content, CancellationToken cancellationToken) =>
        await SendAsync<object?>(method, relativeUri, content, typeInfo: null, cancellationToken).ConfigureAwait(false);

    /// <summary>Serialises <paramref name="body"/> as the JSON content of a request.</summary>
    public static HttpContent Json<T>(T body, JsonTypeInfo<T> typeInfo) => JsonContent.Create(body, typeInfo);

    private async Task<T> SendAsync<T>(HttpMethod method, string relativeUri, HttpContent? content, JsonTypeInfo<T>? typeInfo, CancellationToken cancellationToken)
    {
        var endpoint = Describe(method, relativeUri);
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, relativeUri)) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or OperationCanceledException)
        {
            throw new MediaServerUnavailableException(
                $"The media server at {DisplayUrl} did not answer {endpoint} within {_options.Timeout.TotalSeconds:0.#} s, after {_options.RetryCount} retries. Check that it is running and not overloaded, or raise Aperture:MediaServer:Timeout.",
                exception);
        }
        catch (HttpRequestException exception)
        {
            throw new MediaServerUnavailableException(
                $"The media server at {DisplayUrl} could not be reached ({endpoint}): {exception.Message} Check Aperture:MediaServer:BaseUrl and that the server is running.",
                exception);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new MediaServerAuthenticationException(
                    $"The media server at {DisplayUrl} rejected the API key (HTTP {(int)response.StatusCode} on {endpoint}). Create an administrator API key in the server's dashboard and set Aperture:MediaServer:ApiKey.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new MediaServerResponseException(
                    $"The media server at {DisplayUrl} answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase}) to {endpoint}.");
            }

            if (typeInfo is null)
            {
                return default!;
            }

            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                        ?? throw new JsonException("The body was the JSON value null.");
                }
            }
            catch (JsonException exception)
            {
                throw new MediaServerResponseException(
                    $"The media server at {DisplayUrl} sent malformed or truncated JSON from {endpoint}: {exception.Message}",
                    exception);
            }
        }
    }

    /// <summary>The base URL as shown in messages and logs.</summary>
    public string DisplayUrl => BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>Names an endpoint for messages: method and path, without the query.</summary>
    public static string Describe(HttpMethod method, string relativeUri)
    {
        var query = relativeUri.IndexOf('?', StringComparison.Ordinal);
        return $"{method.Method} /{(query < 0 ? relativeUri : relativeUri[..query])}";
    }
}
