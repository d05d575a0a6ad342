using Microsoft.Extensions.Logging;

namespace Aperture.Jobs;

/// <summary>The log messages of <see cref="GenerateEmbeddingsJob"/> (source-generated).</summary>
internal static partial class GenerateEmbeddingsJobLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
        Message = "{Total} active movies; {Pending} to embed with {Model} (about {Tokens} tokens)")]
    public static partial void Found(ILogger logger, int total, int pending, string model, long tokens);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning,
        Message = "A batch of {Count} movies (from {FirstTitle}) failed and is left for the next run: {Error}")]
    public static partial void BatchFailed(ILogger logger, int count, string firstTitle, string error, Exception exception);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning,
        Message = "The embedding of {Title} under {Model} is zero or not finite; it was not stored")]
    public static partial void UnusableVector(ILogger logger, string title, string model);
}
