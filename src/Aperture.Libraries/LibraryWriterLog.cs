using Microsoft.Extensions.Logging;

namespace Aperture.Libraries;

/// <summary>The library writer's log messages.</summary>
internal static partial class LibraryWriterLog
{
    [LoggerMessage(1, LogLevel.Debug, "Library of {UserName} at {Path}: {Written} written, {Unchanged} unchanged, {Removed} removed, {Skipped} skipped, {FilesWritten} files written")]
    public static partial void LibraryWritten(this ILogger logger, string userName, string path, int written, int unchanged, int removed, int skipped, int filesWritten);

    [LoggerMessage(2, LogLevel.Information, "Skipped {Title} (rank {Rank}) for {UserName}: {Reason}")]
    public static partial void MovieSkipped(this ILogger logger, string userName, string title, int rank, string reason);

    [LoggerMessage(3, LogLevel.Warning, "{Warning}")]
    public static partial void LibraryWarning(this ILogger logger, string warning);

    [LoggerMessage(4, LogLevel.Information, "Renamed the library folder of {UserName} from {OldPath} to {NewPath}")]
    public static partial void UserFolderRenamed(this ILogger logger, string userName, string oldPath, string newPath);

    [LoggerMessage(5, LogLevel.Information, "Removed the library folder of user {UserId} at {Path}")]
    public static partial void UserFolderRemoved(this ILogger logger, string userId, string path);

    [LoggerMessage(6, LogLevel.Warning, "The marker {Path} cannot be read; Aperture leaves that folder alone. Delete the folder by hand if it is no longer needed")]
    public static partial void MarkerUnreadable(this ILogger logger, string path, Exception exception);
}
