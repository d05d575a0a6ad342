using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Aperture.MediaServers;

/// <summary>
/// Logs each HTTP attempt to the media server: method, URL, status and duration, never a header. It replaces
/// HttpClient's default loggers, whose header records carry the raw header values (the API key) in their structured
/// state even when the message text is redacted, so a structured sink (JSON console, OpenTelemetry) would write them.
/// </summary>
internal sealed partial class MediaServerHttpLogger(ILogger<MediaServerHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request)
    {
        Sending(logger, request.Method.Method, request.RequestUri);
        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        Received(logger, request.Method.Method, request.RequestUri, (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        Failed(logger, request.Method.Method, request.RequestUri, elapsed.TotalMilliseconds, exception.GetType().Name, exception.Message);

    [LoggerMessage(EventId = 20, Level = LogLevel.Trace, Message = "Sending {Method} {Uri}")]
    private static partial void Sending(ILogger logger, string method, Uri? uri);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "{Method} {Uri} answered {StatusCode} in {ElapsedMilliseconds:0} ms")]
    private static partial void Received(ILogger logger, string method, Uri? uri, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 22, Level = LogLevel.Debug, Message = "{Method} {Uri} failed after {ElapsedMilliseconds:0} ms: {ErrorType}: {ErrorMessage}")]
    private static partial void Failed(ILogger logger, string method, Uri? uri, double elapsedMilliseconds, string errorType, string errorMessage);
}
