namespace Aperture.Storage.Sqlite;

internal sealed partial class SqliteApertureStore
{
    public Task<DateTimeOffset?> GetWatermarkAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ReadAsync(transaction =>
            transaction.Scalar<long?>("SELECT value FROM sync_state WHERE key = $key;", ("$key", key)) is { } ticks
                ? new DateTimeOffset(ticks, TimeSpan.Zero)
                : (DateTimeOffset?)null, cancellationToken);
    }

    public Task SetWatermarkAsync(string key, DateTimeOffset value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WriteAsync(transaction => transaction.Execute(
            "INSERT INTO sync_state (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
            ("$key", key),
            ("$value", SqliteValues.ToDb(value))), cancellationToken);
    }

    public Task RemoveWatermarkAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WriteAsync(transaction => transaction.Execute("DELETE FROM sync_state WHERE key = $key;", ("$key", key)), cancellationToken);
    }
}
