namespace Aperture.Testing;

/// <summary>What a <see cref="FakeEmbeddingFault"/> makes the fake server do.</summary>
public enum FakeEmbeddingFaultKind
{
    /// <summary>HTTP 429 <c>rate_limit_exceeded</c>, with a <c>Retry-After</c> header when a delay is given.</summary>
    RateLimited,

    /// <summary>HTTP 401 <c>invalid_api_key</c>.</summary>
    Unauthorized,

    /// <summary>HTTP 402 (what some OpenAI-compatible gateways send when the balance is empty).</summary>
    PaymentRequired,

    /// <summary>HTTP 429 <c>insufficient_quota</c> (what OpenAI sends when the account has no credit).</summary>
    InsufficientQuota,

    /// <summary>An HTTP 5xx server error (500 unless another status is given).</summary>
    ServerError,

    /// <summary>HTTP 404 <c>model_not_found</c>.</summary>
    ModelNotFound,

    /// <summary>Waits the given delay (on the server's clock), then answers normally.</summary>
    Slow,

    /// <summary>Answers normally, but with vectors of the given length.</summary>
    WrongDimensions,
}
