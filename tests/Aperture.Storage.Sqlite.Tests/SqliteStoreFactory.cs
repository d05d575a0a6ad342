using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Storage.Sqlite;

/// <summary>Makes stores on real files for the tests.</summary>
internal static class SqliteStoreFactory
{
    public static SqliteApertureStore Create(string path, TimeSpan? busyTimeout = null, ILogger<SqliteApertureStore>? logger = null) =>
        new(
            new SqliteStoreOptions { Path = path, BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30) },
            new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero)),
            logger ?? NullLogger<SqliteApertureStore>.Instance);
}
