using Microsoft.Extensions.Logging;

namespace Aperture.Jobs.Movies;

/// <summary>The log messages of <c>sync-movies</c> and <c>sync-movie-watch-history</c>.</summary>
internal static partial class SyncJobsLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Importing {Count} libraries from {Kind} server '{ServerName}': {Libraries}")]
    public static partial void ImportingLibraries(this ILogger logger, int count, Aperture.MediaServers.MediaServerKind kind, string serverName, string libraries);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Library '{Library}': {Movies} movies, {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} marked removed")]
    public static partial void LibraryImported(this ILogger logger, string library, int movies, int added, int updated, int unchanged, int removed);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Library '{Library}' could not be read completely; its movies were imported as far as read and none was marked removed")]
    public static partial void LibraryFailed(this ILogger logger, string library, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Library '{Library}': {Count} movies missing from the listing still exist on the server (the catalogue changed while it was read); they are kept")]
    public static partial void MissingButPresent(this ILogger logger, string library, int count);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "{Count} movies of libraries the server no longer has were marked removed")]
    public static partial void OrphansRemoved(this ILogger logger, int count);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Syncing watch history ({Variant}) of {Count} users; {Skipped} skipped")]
    public static partial void SyncingUsers(this ILogger logger, string variant, int count, int skipped);

    [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "Skipping user '{User}': {Reason}")]
    public static partial void UserSkipped(this ILogger logger, string user, string reason);

    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "User '{User}': {States} states read ({Scope}), {Changed} stored, {Cleared} cleared, {Unmatched} not in the catalogue")]
    public static partial void UserSynced(this ILogger logger, string user, int states, string scope, int changed, int cleared, int unmatched);

    [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "Watch history of user '{User}' could not be synced; their watermark stays where it was")]
    public static partial void UserFailed(this ILogger logger, string user, Exception exception);
}
