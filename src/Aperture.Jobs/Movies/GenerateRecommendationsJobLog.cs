using Microsoft.Extensions.Logging;

namespace Aperture.Jobs.Movies;

/// <summary>The log messages of <c>generate-movie-recommendations</c> and <c>full-reset-movie-recommendations</c>.</summary>
internal static partial class GenerateRecommendationsJobLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Computing picks for {Users} users over {Movies} movies with {ModelKey} vectors")]
    public static partial void Starting(this ILogger logger, int users, string modelKey, int movies);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "User '{User}': {Picks} picks from {Candidates} candidates in {ElapsedMs} ms")]
    public static partial void UserCompleted(this ILogger logger, string user, int picks, int candidates, long elapsedMs);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "User '{User}' has no watch history yet; no picks computed")]
    public static partial void NoHistory(this ILogger logger, string user);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Error, Message = "Picks for user '{User}' failed and their previous picks stay: {Error}")]
    public static partial void UserFailed(this ILogger logger, string user, string error, Exception? exception);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "The failed run of user '{User}' could not be recorded")]
    public static partial void RunNotRecorded(this ILogger logger, string user, Exception exception);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Information, Message = "Full reset: rebuilding picks for {Users} users; {OldSets} current pick sets are swapped out in one step at the end")]
    public static partial void ResetStarting(this ILogger logger, int users, int oldSets);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Warning, Message = "Full reset: user '{User}' failed ({Error}); their previous picks are carried over")]
    public static partial void ResetUserKept(this ILogger logger, string user, string error);
}
