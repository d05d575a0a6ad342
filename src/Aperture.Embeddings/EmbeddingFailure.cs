namespace Aperture.Embeddings;

/// <summary>A classified provider error.</summary>
/// <param name="Kind">What kind of failure it is.</param>
/// <param name="StatusCode">The HTTP status code, when there was a response.</param>
/// <param name="RetryAfter">The wait the provider asked for, when it sent one.</param>
/// <param name="Reason">The failure in words for messages and logs; never contains a secret.</param>
internal readonly record struct EmbeddingFailure(EmbeddingFailureKind Kind, int? StatusCode, TimeSpan? RetryAfter, string Reason);
