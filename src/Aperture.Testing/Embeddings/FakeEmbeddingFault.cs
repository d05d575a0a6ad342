namespace Aperture.Testing;

/// <summary>A failure the <see cref="FakeOpenAIEmbeddingServer"/> injects into a response.</summary>
/// <param name="Kind">What the server does.</param>
/// <param name="Delay">The <c>Retry-After</c> of <see cref="FakeEmbeddingFaultKind.RateLimited"/>, or the wait of <see cref="FakeEmbeddingFaultKind.Slow"/>.</param>
/// <param name="StatusCode">The status of <see cref="FakeEmbeddingFaultKind.ServerError"/>.</param>
/// <param name="Dimensions">The vector length of <see cref="FakeEmbeddingFaultKind.WrongDimensions"/>.</param>
public sealed record FakeEmbeddingFault(FakeEmbeddingFaultKind Kind, TimeSpan? Delay = null, int? StatusCode = null, int? Dimensions = null)
{
    /// <summary>HTTP 429 rate limit; with <c>Retry-After</c> (whole seconds, rounded up) when <paramref name="retryAfter"/> is given.</summary>
    public static FakeEmbeddingFault RateLimited(TimeSpan? retryAfter = null) => new(FakeEmbeddingFaultKind.RateLimited, retryAfter);

    /// <summary>HTTP 401.</summary>
    public static FakeEmbeddingFault Unauthorized() => new(FakeEmbeddingFaultKind.Unauthorized);

    /// <summary>HTTP 402.</summary>
    public static FakeEmbeddingFault PaymentRequired() => new(FakeEmbeddingFaultKind.PaymentRequired);

    /// <summary>HTTP 429 with the error code <c>insufficient_quota</c>.</summary>
    public static FakeEmbeddingFault InsufficientQuota() => new(FakeEmbeddingFaultKind.InsufficientQuota);

    /// <summary>An HTTP 5xx error (default 500).</summary>
    public static FakeEmbeddingFault ServerError(int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(FakeEmbeddingFaultKind.ServerError, StatusCode: statusCode);
    }

    /// <summary>HTTP 404, model not found.</summary>
    public static FakeEmbeddingFault ModelNotFound() => new(FakeEmbeddingFaultKind.ModelNotFound);

    /// <summary>A response that takes <paramref name="delay"/> (or until the client gives up).</summary>
    public static FakeEmbeddingFault Slow(TimeSpan delay) => new(FakeEmbeddingFaultKind.Slow, delay);

    /// <summary>A normal response with vectors of <paramref name="dimensions"/> values.</summary>
    public static FakeEmbeddingFault WrongDimensions(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        return new(FakeEmbeddingFaultKind.WrongDimensions, Dimensions: dimensions);
    }
}
