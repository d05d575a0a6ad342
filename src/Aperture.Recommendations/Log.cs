using Microsoft.Extensions.Logging;

namespace Aperture.Recommendations;

/// <summary>The recommender's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Recommendation session ready: {MovieCount} movies with {ModelKey} vectors, {UserCount} users with history, co-watching model in {ElapsedMs} ms")]
    public static partial void SessionReady(ILogger logger, int movieCount, string modelKey, int userCount, long elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "Computing picks for user {UserId} failed; the other users are not affected")]
    public static partial void UserFailed(ILogger logger, string userId, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "The chat model could not explain {Count} picks of user {UserId}; the template explains them instead")]
    public static partial void ChatExplanationFailed(ILogger logger, string userId, int count, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "The chat model's answer for user {UserId} lacked {Missing} of {Count} explanations; the template fills the gaps")]
    public static partial void ChatAnswerIncomplete(ILogger logger, string userId, int missing, int count);

    [LoggerMessage(5, LogLevel.Warning, "Explanations are set to Chat but no IChatClient is registered; picks are explained from the template")]
    public static partial void NoChatClient(ILogger logger);

    [LoggerMessage(6, LogLevel.Warning, "Skipped {Count} stored vectors of {ModelKey} whose length is not {Dimensions} or that are unusable")]
    public static partial void VectorsSkipped(ILogger logger, int count, string modelKey, int dimensions);
}
