namespace Aperture.Embeddings;

/// <summary>What kind of failure a provider error is, which decides whether it is retried.</summary>
internal enum EmbeddingFailureKind
{
    /// <summary>401 or 403: the credentials are refused. Never retried.</summary>
    Authentication,

    /// <summary>402, or 429 with <c>insufficient_quota</c>: the account cannot pay. Never retried.</summary>
    Quota,

    /// <summary>404: the provider does not know the model. Never retried.</summary>
    ModelNotFound,

    /// <summary>Another 4xx: the provider refused this request. Never retried.</summary>
    Rejected,

    /// <summary>408, 429, 5xx, a time-out, or no response at all. Retried.</summary>
    Transient,

    /// <summary>Not a provider error (for example a bug in an application's generator). Passed on unchanged.</summary>
    Unknown,
}
