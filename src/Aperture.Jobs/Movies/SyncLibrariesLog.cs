using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Aperture.Jobs.Movies;

/// <summary>The log messages of <c>sync-movie-libraries</c> (source-generated).</summary>
internal static partial class SyncLibrariesLog
{
    /// <summary>Logs one user's counts, and each skipped pick with its reason.</summary>
    public static void UserSynced(ILogger logger, SyncLibrariesUserOutcome outcome)
    {
        if (outcome.Written is not { } written)
        {
            UserSkipped(logger, outcome.UserName, outcome.UserId, outcome.SkipReason ?? string.Empty);
            return;
        }

        UserWritten(logger, outcome.UserName, outcome.UserId, written.Written, written.Unchanged, written.Removed, outcome.Skipped.Count, written.Library.LibraryName, outcome.Scanned);
        foreach (var skipped in outcome.Skipped)
        {
            PickSkipped(logger, outcome.UserName, skipped.Rank.ToString(CultureInfo.InvariantCulture), skipped.Title, skipped.Reason);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Library of {UserName} ({UserId}): {Written} written, {Unchanged} unchanged, {Removed} removed, {Skipped} skipped; server library '{LibraryName}', scanned: {Scanned}")]
    private static partial void UserWritten(ILogger logger, string userName, string userId, int written, int unchanged, int removed, int skipped, string libraryName, bool scanned);

    [LoggerMessage(2, LogLevel.Information, "Library of {UserName} ({UserId}) skipped: {Reason}")]
    private static partial void UserSkipped(ILogger logger, string userName, string userId, string reason);

    [LoggerMessage(3, LogLevel.Information, "Pick {Rank} of {UserName} skipped ({Title}): {Reason}")]
    private static partial void PickSkipped(ILogger logger, string userName, string rank, string title, string reason);

    [LoggerMessage(4, LogLevel.Error, "Library of {UserName} ({UserId}) could not be written")]
    public static partial void UserFailed(ILogger logger, string userName, string userId, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Removed the library folder and server library '{LibraryName}' of {UserName} ({UserId}), who is no longer enabled")]
    public static partial void UserRemoved(ILogger logger, string userName, string userId, string libraryName);
}
