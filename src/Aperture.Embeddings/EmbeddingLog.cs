using Microsoft.Extensions.Logging;

namespace Aperture.Embeddings;

/// <summary>The log messages of the embedding pipeline (source-generated). None carries a secret.</summary>
internal static partial class EmbeddingLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Embedding request for {ModelKey} failed on attempt {Attempt} ({Reason}); retrying in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string modelKey, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error,
        Message = "Embedding request for {ModelKey} failed after {Attempts} attempts ({Reason})")]
    public static partial void RetriesExhausted(ILogger logger, string modelKey, int attempts, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error,
        Message = "Embedding request for {ModelKey} failed and is not retried ({Kind}: {Reason})")]
    public static partial void RequestFailed(ILogger logger, string modelKey, EmbeddingFailureKind kind, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information,
        Message = "Embedding model {ModelKey} makes {Dimensions}-dimension vectors (learned from one probe request)")]
    public static partial void DimensionsProbed(ILogger logger, string modelKey, int dimensions);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information,
        Message = "Purged {Count} vectors of embedding model {ModelKey}")]
    public static partial void Purged(ILogger logger, string modelKey, int count);
}
