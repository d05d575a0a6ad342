using Microsoft.Extensions.Logging;

namespace Aperture.Storage.Sqlite;

/// <summary>The SQLite store's log messages.</summary>
internal static partial class SqliteStoreLog
{
    [LoggerMessage(1, LogLevel.Information, "Created the store file {Path} at schema version {Version}")]
    public static partial void Created(ILogger logger, string path, int version);

    [LoggerMessage(2, LogLevel.Information, "Upgraded the store file {Path} from schema version {FromVersion} to {ToVersion}")]
    public static partial void Upgraded(ILogger logger, string path, long fromVersion, int toVersion);

    [LoggerMessage(3, LogLevel.Debug, "Store file {Path}: applied schema migration {Version} ({Description})")]
    public static partial void Migrated(ILogger logger, string path, int version, string description);

    [LoggerMessage(4, LogLevel.Warning, "The store file {Path} cannot use write-ahead logging (journal mode is {Mode}); readers will wait for writers. Keep the file on a local file system.")]
    public static partial void WalUnavailable(ILogger logger, string path, string? mode);

    [LoggerMessage(5, LogLevel.Debug, "Upserted {Count} movies: {Added} added, {Updated} updated, {Unchanged} unchanged")]
    public static partial void MoviesUpserted(ILogger logger, int count, int added, int updated, int unchanged);
}
