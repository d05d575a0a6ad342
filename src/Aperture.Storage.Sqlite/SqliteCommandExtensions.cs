using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Aperture.Storage.Sqlite;

/// <summary>Commands bound to the transaction they run in.</summary>
internal static class SqliteCommandExtensions
{
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static int Execute(this SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = transaction.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return command.ExecuteNonQuery();
    }

    public static T? Scalar<T>(this SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = transaction.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        var result = command.ExecuteScalar();
        return result is null or DBNull
            ? default
            : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }
}
