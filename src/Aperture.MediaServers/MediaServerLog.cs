using Microsoft.Extensions.Logging;

namespace Aperture.MediaServers;

/// <summary>The media server clients' log messages. None of them carries the API key.</summary>
internal static partial class MediaServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connected to {Kind} server '{ServerName}' version {Version} at {BaseUrl}")]
    public static partial void Connected(this ILogger logger, MediaServerKind kind, string serverName, string version, string baseUrl);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Listing {Endpoint}: {Total} items in {Pages} pages of {PageSize}, {Concurrency} at a time")]
    public static partial void Listing(this ILogger logger, string endpoint, int total, int pages, int pageSize, int concurrency);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The listing of {Endpoint} is incomplete or changed while it was read: {Problem}")]
    public static partial void ListingInconsistent(this ILogger logger, string endpoint, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Created movie library '{Name}' at {Path}")]
    public static partial void LibraryCreated(this ILogger logger, string name, string path);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Added {Path} to library '{Name}'")]
    public static partial void LibraryPathAdded(this ILogger logger, string name, string path);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Removed library '{Name}' (its files are left on disk)")]
    public static partial void LibraryRemoved(this ILogger logger, string name);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Granted user {UserId} access to library {LibraryId}")]
    public static partial void AccessGranted(this ILogger logger, string userId, string libraryId);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "User {UserId} already has access to library {LibraryId}{Reason}")]
    public static partial void AccessUnchanged(this ILogger logger, string userId, string libraryId, string reason);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Requested a scan of library {LibraryId}")]
    public static partial void RefreshRequested(this ILogger logger, string libraryId);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Read {Count} watch states of user {UserId} ({Scope})")]
    public static partial void WatchStatesRead(this ILogger logger, int count, string userId, string scope);
}
