namespace Aperture.Embeddings;

/// <summary>What <see cref="EmbeddingRetryOptions.OnRetry"/> is told about a retry.</summary>
/// <param name="Attempt">The attempt that failed (1 for the first).</param>
/// <param name="Delay">How long the retry waits.</param>
/// <param name="StatusCode">The failed attempt's HTTP status code, when it had a response.</param>
/// <param name="RetryAfter">The wait the provider asked for (<c>Retry-After</c>), when it sent one.</param>
/// <param name="Reason">Why the attempt failed, in words (never a secret).</param>
public sealed record EmbeddingRetryArguments(int Attempt, TimeSpan Delay, int? StatusCode, TimeSpan? RetryAfter, string Reason);
