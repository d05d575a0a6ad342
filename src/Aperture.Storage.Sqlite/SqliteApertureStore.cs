using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Aperture.Storage.Sqlite;

/// <summary>
/// The SQLite store: one file in WAL mode. Writers of one instance take turns (a semaphore) and each write is one
/// <c>BEGIN IMMEDIATE</c> transaction, so writers of other instances or processes wait through the busy timeout;
/// readers run concurrently on pooled connections, each in its own snapshot. The file is created or upgraded on
/// first use (<see cref="EnsureInitializedAsync"/>), once, whoever calls first.
/// </summary>
internal sealed partial class SqliteApertureStore : IApertureStore, IDisposable
{
    private readonly string _connectionString;
    private readonly TimeSpan _busyTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile bool _initialized;
    private bool _disposed;

    public SqliteApertureStore(SqliteStoreOptions options, TimeProvider timeProvider, ILogger<SqliteApertureStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        FilePath = System.IO.Path.GetFullPath(options.Path);
        _busyTimeout = options.BusyTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,

            // Microsoft.Data.Sqlite retries a busy statement until this many seconds have passed (0 would mean forever).
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>The store file's full path.</summary>
    public string FilePath { get; }

    /// <summary>Creates the file, or upgrades it to the current schema, unless that is done already.</summary>
    /// <exception cref="StoreException">The file cannot be used; the message names it and says why.</exception>
    public async ValueTask EnsureInitializedAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_initialized)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                Initialize();
                _initialized = true;
            }
        }
        catch (SqliteException exception)
        {
            throw Translate(exception);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using (var connection = new SqliteConnection(_connectionString))
        {
            // Pooled connections keep the file open; let it go with the store.
            SqliteConnection.ClearPool(connection);
        }

        _writeLock.Dispose();
    }

    /// <summary>Runs <paramref name="read"/> in a read transaction (one consistent snapshot).</summary>
    private async Task<T> ReadAsync<T>(Func<SqliteTransaction, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: true);
            return read(transaction);
        }
        catch (SqliteException exception)
        {
            throw Translate(exception);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one write transaction and commits it, unless it throws or the token is
    /// cancelled first: then nothing of it is stored.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();

            // IMMEDIATE: take the file's write lock now, so a concurrent writer waits instead of failing mid-way.
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = write(transaction);
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return result;
        }
        catch (SqliteException exception)
        {
            throw Translate(exception);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private Task WriteAsync(Action<SqliteTransaction> write, CancellationToken cancellationToken) =>
        WriteAsync(transaction =>
        {
            write(transaction);
            return true;
        }, cancellationToken);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Initialize()
    {
        CreateFolder();
        using var connection = Open();

        // Read before writing anything, so a file that is not ours is refused untouched.
        var (applicationId, version, tables) = ReadHeader(connection, transaction: null);
        CheckHeader(applicationId, version, tables);
        using (var journal = connection.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = journal.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                SqliteStoreLog.WalUnavailable(_logger, FilePath, mode);
            }
        }

        if (version == SqliteSchema.CurrentVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);

        // Another instance may have migrated the file since the header was read.
        (applicationId, version, tables) = ReadHeader(connection, transaction);
        CheckHeader(applicationId, version, tables);
        foreach (var migration in SqliteSchema.Migrations.Where(m => m.Version > version))
        {
            migration.Apply(connection, transaction);
            SqliteStoreLog.Migrated(_logger, FilePath, migration.Version, migration.Description);
        }

        using (var stamp = connection.CreateCommand())
        {
            stamp.Transaction = transaction;
            stamp.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA application_id = {SqliteSchema.ApplicationId}; PRAGMA user_version = {SqliteSchema.CurrentVersion};");
            stamp.ExecuteNonQuery();
        }

        transaction.Commit();
        if (version == 0)
        {
            SqliteStoreLog.Created(_logger, FilePath, SqliteSchema.CurrentVersion);
        }
        else
        {
            SqliteStoreLog.Upgraded(_logger, FilePath, version, SqliteSchema.CurrentVersion);
        }
    }

    private void CreateFolder()
    {
        var folder = System.IO.Path.GetDirectoryName(FilePath);
        try
        {
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(
                $"The store file '{FilePath}' cannot be created: its folder '{folder}' does not exist and cannot be made ({exception.Message}). Point Aperture:Storage:Path at a writable folder.",
                exception);
        }
    }

    private static (long ApplicationId, long Version, long Tables) ReadHeader(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT (SELECT application_id FROM pragma_application_id()),
                   (SELECT user_version FROM pragma_user_version()),
                   (SELECT count(*) FROM sqlite_schema);
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private void CheckHeader(long applicationId, long version, long tables)
    {
        var empty = applicationId == 0 && version == 0 && tables == 0;
        if (applicationId != SqliteSchema.ApplicationId && !empty)
        {
            throw new StoreException(
                $"The store file '{FilePath}' is a SQLite database of another application, not an Aperture store; it was left untouched. Point Aperture:Storage:Path at a new file or an Aperture store.");
        }

        if (version > SqliteSchema.CurrentVersion)
        {
            throw new StoreException(string.Create(
                CultureInfo.InvariantCulture,
                $"The store file '{FilePath}' has schema version {version}, newer than version {SqliteSchema.CurrentVersion} that this Aperture.Core supports; it was left untouched. Upgrade Aperture.Core, or point Aperture:Storage:Path at another file."));
        }
    }

    private StoreException Translate(SqliteException exception)
    {
        var message = exception.SqliteErrorCode switch
        {
            SQLitePCL.raw.SQLITE_NOTADB or SQLitePCL.raw.SQLITE_CORRUPT =>
                $"The store file '{FilePath}' is not an Aperture store: it is not a SQLite database, or it is damaged; it was left untouched. Restore it from a backup, or point Aperture:Storage:Path at a new file.",
            SQLitePCL.raw.SQLITE_CANTOPEN =>
                $"The store file '{FilePath}' cannot be opened or created. Check that the path names a file (not a folder) in a folder this process can write.",
            SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED => string.Create(
                CultureInfo.InvariantCulture,
                $"The store file '{FilePath}' stayed locked by another writer (another Aperture instance or a tool) for longer than the busy timeout ({_busyTimeout.TotalSeconds:0.###} s); nothing was written. Retry later, or raise Aperture:Storage:BusyTimeout."),
            SQLitePCL.raw.SQLITE_READONLY =>
                $"The store file '{FilePath}' is read-only for this process; nothing was written. Make the file and its folder writable.",
            SQLitePCL.raw.SQLITE_FULL =>
                $"The store file '{FilePath}' cannot grow: the disk is full; nothing was written. Free some space.",
            _ => $"The store file '{FilePath}' failed: {exception.Message}",
        };
        return new StoreException(message, exception);
    }
}
