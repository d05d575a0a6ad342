using System.ComponentModel.DataAnnotations;
using Aperture.Settings;

namespace Aperture.Storage.Sqlite;

/// <summary>Settings of the SQLite store (configuration section <c>Aperture:Storage</c>).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Aperture:Storage";

    /// <summary>
    /// The store file, for example <c>/var/lib/aperture/aperture.db</c>. Required. Its folder is created when
    /// missing; SQLite keeps two companion files beside it (<c>-wal</c>, <c>-shm</c>).
    /// </summary>
    [Required(ErrorMessage = "Aperture:Storage:Path is required: set it to the SQLite file the store keeps everything in, for example /var/lib/aperture/aperture.db.")]
    public string Path { get; set; } = "";

    /// <summary>
    /// How long a write waits for another process (another Aperture instance, a backup tool) to release the file
    /// before it fails with a <see cref="StoreException"/>. Default 30 seconds; 0 to 10 minutes. SQLite waits this
    /// long, and Microsoft.Data.Sqlite retries in whole seconds, so a timeout under a second acts as about one second.
    /// </summary>
    [SettingRange(SectionName, "00:00:00", "00:10:00", Purpose = "how long a write waits for a file locked by another process")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
