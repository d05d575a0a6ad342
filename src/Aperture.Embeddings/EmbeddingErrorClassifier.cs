using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Aperture.Embeddings;

/// <summary>
/// Turns what a provider client throws into an <see cref="EmbeddingFailure"/>. It understands the OpenAI SDK's
/// <see cref="ClientResultException"/> (status, <c>Retry-After</c>, the error body's <c>code</c>), a plain
/// <see cref="HttpRequestException"/> (what an application's own HTTP generator throws) and time-outs.
/// </summary>
internal static class EmbeddingErrorClassifier
{
    private const int MaxProviderMessageLength = 300;

    /// <summary>Classifies <paramref name="exception"/>.</summary>
    /// <param name="exception">What the provider call threw.</param>
    /// <param name="timeProvider">The clock, to turn an HTTP-date <c>Retry-After</c> into a wait.</param>
    /// <param name="secret">A secret (the API key) to remove from any provider text, when there is one.</param>
    public static EmbeddingFailure Classify(Exception exception, TimeProvider timeProvider, string? secret)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var failure = ClassifyCore(exception, timeProvider, secret);
        return failure with { Reason = Redact(failure.Reason, secret) };
    }

    private static EmbeddingFailure ClassifyCore(Exception exception, TimeProvider timeProvider, string? secret)
    {
        switch (exception)
        {
            case ClientResultException result when result.Status == 0:
                return Transient(null, null, "no response: " + Describe(result.InnerException ?? result));
            case ClientResultException result:
                return FromResponse(result.Status, result.GetRawResponse(), timeProvider, secret);
            case HttpRequestException { StatusCode: { } status }:
                return FromStatus((int)status, null, null, null, secret);
            case HttpRequestException request:
                return Transient(null, null, "could not reach the provider: " + Describe(request));
            case TimeoutException:
            case OperationCanceledException:
                // The caller's own cancellation never gets here (see RetryingEmbeddingGenerator), so this is a time-out.
                return Transient(null, null, "the request timed out");
            default:
                return new EmbeddingFailure(EmbeddingFailureKind.Unknown, null, null, Describe(exception));
        }
    }

    private static EmbeddingFailure FromResponse(int status, PipelineResponse? response, TimeProvider timeProvider, string? secret)
    {
        string? code = null;
        string? message = null;
        TimeSpan? retryAfter = null;
        if (response is not null)
        {
            (code, message) = ReadError(response);
            retryAfter = ReadRetryAfter(response.Headers, timeProvider);
        }

        return FromStatus(status, code, message, retryAfter, secret);
    }

    private static EmbeddingFailure FromStatus(int status, string? code, string? providerMessage, TimeSpan? retryAfter, string? secret)
    {
        var reason = $"HTTP {status.ToString(CultureInfo.InvariantCulture)}";
        if (Enum.IsDefined(typeof(HttpStatusCode), status))
        {
            reason += $" ({(HttpStatusCode)status})";
        }

        if (code is not null)
        {
            reason += $", code {Redact(code, secret)}";
        }

        if (status is 401 or 403)
        {
            // A provider's 401 text may quote part of the key; it is never repeated.
            return new EmbeddingFailure(EmbeddingFailureKind.Authentication, status, null, reason);
        }

        if (providerMessage is not null)
        {
            reason += ": " + Redact(Truncate(providerMessage), secret);
        }

        var kind = status switch
        {
            402 => EmbeddingFailureKind.Quota,
            429 when string.Equals(code, "insufficient_quota", StringComparison.OrdinalIgnoreCase) => EmbeddingFailureKind.Quota,
            404 => EmbeddingFailureKind.ModelNotFound,
            408 or 425 or 429 or >= 500 => EmbeddingFailureKind.Transient,
            _ => EmbeddingFailureKind.Rejected,
        };
        return new EmbeddingFailure(kind, status, retryAfter, reason);
    }

    private static EmbeddingFailure Transient(int? status, TimeSpan? retryAfter, string reason) =>
        new(EmbeddingFailureKind.Transient, status, retryAfter, reason);

    /// <summary>Reads <c>error.code</c> (or <c>error.type</c>) and <c>error.message</c> of an OpenAI-style error body.</summary>
    private static (string? Code, string? Message) ReadError(PipelineResponse response)
    {
        try
        {
            var content = response.Content;
            if (content is null || content.ToMemory().IsEmpty)
            {
                return (null, null);
            }

            using var document = JsonDocument.Parse(content.ToMemory());
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("error", out var error))
            {
                return (null, null);
            }

            if (error.ValueKind == JsonValueKind.String)
            {
                return (null, error.GetString());
            }

            if (error.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = ReadString(error, "code") ?? ReadString(error, "type");
            return (code, ReadString(error, "message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
        catch (InvalidOperationException)
        {
            // The body was streamed and is no longer readable.
            return (null, null);
        }
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Reads <c>retry-after-ms</c> (OpenAI) or <c>Retry-After</c> (seconds, or an HTTP date).</summary>
    internal static TimeSpan? ReadRetryAfter(PipelineResponseHeaders headers, TimeProvider timeProvider)
    {
        if (headers.TryGetValue("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string Describe(Exception exception) =>
        exception.InnerException is { } inner && exception is HttpRequestException or ClientResultException
            ? $"{exception.GetType().Name}: {Truncate(exception.Message)} ({inner.GetType().Name}: {Truncate(inner.Message)})"
            : $"{exception.GetType().Name}: {Truncate(exception.Message)}";

    private static string Truncate(string text) =>
        text.Length <= MaxProviderMessageLength ? text : string.Concat(text.AsSpan(0, MaxProviderMessageLength), "…");

    /// <summary>Removes <paramref name="secret"/> from <paramref name="text"/>.</summary>
    internal static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);
}
