using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;

namespace Aperture.Storage.Sqlite;

/// <summary>
/// How values are kept in columns: ids as 16-byte big-endian BLOBs (so SQLite orders them as <see cref="Guid"/>
/// compares), instants as UTC ticks, vectors as float32 little-endian BLOBs, lists as JSON (empty = NULL).
/// </summary>
internal static class SqliteValues
{
    public static byte[] ToBlob(Guid id)
    {
        var bytes = new byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }

    public static Guid GetId(this SqliteDataReader reader, int ordinal) =>
        new((byte[])reader.GetValue(ordinal), bigEndian: true);

    /// <summary>Ids as a JSON array of hex strings, for <c>unhex(value) FROM json_each($ids)</c>.</summary>
    public static string ToHexJson(IEnumerable<Guid> ids) =>
        JsonSerializer.Serialize(ids.Select(static id => Convert.ToHexString(ToBlob(id))).ToArray(), StoreJsonContext.Default.StringArray);

    public static string ToJson(IEnumerable<string> values) =>
        JsonSerializer.Serialize(values as string[] ?? [.. values], StoreJsonContext.Default.StringArray);

    public static object ToDb(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;

    public static object ToDb(DateTimeOffset value) => value.UtcTicks;

    public static object ToDb<T>(T? value)
        where T : struct => value is { } v ? v : DBNull.Value;

    public static object ToDb(string? value) => value is null ? DBNull.Value : value;

    public static object ToDb(bool value) => value ? 1L : 0L;

    /// <summary>A list as JSON, or NULL when empty.</summary>
    public static object ToJsonDb<T>(IReadOnlyList<T> values, JsonTypeInfo<T[]> typeInfo) =>
        values.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(values as T[] ?? [.. values], typeInfo);

    public static object ToJsonDb<T>(T? value, JsonTypeInfo<T> typeInfo)
        where T : class => value is null ? DBNull.Value : JsonSerializer.Serialize(value, typeInfo);

    public static DateTimeOffset GetInstant(this SqliteDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DateTimeOffset? GetNullableInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? GetNullableInt32(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static long? GetNullableInt64(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static double? GetNullableDouble(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    public static T[] GetJsonList<T>(this SqliteDataReader reader, int ordinal, JsonTypeInfo<T[]> typeInfo) =>
        reader.IsDBNull(ordinal) ? [] : JsonSerializer.Deserialize(reader.GetString(ordinal), typeInfo) ?? [];

    public static T? GetJson<T>(this SqliteDataReader reader, int ordinal, JsonTypeInfo<T> typeInfo)
        where T : class => reader.IsDBNull(ordinal) ? null : JsonSerializer.Deserialize(reader.GetString(ordinal), typeInfo);

    /// <summary>Writes a vector as float32 little-endian bytes into <paramref name="blob"/> (its exact size).</summary>
    public static void WriteVector(ReadOnlySpan<float> vector, Span<byte> blob)
    {
        MemoryMarshal.AsBytes(vector).CopyTo(blob);
        if (!BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<byte, int>(blob);
            BinaryPrimitives.ReverseEndianness(words, words);
        }
    }

    /// <summary>Reads a float32 little-endian BLOB into <paramref name="vector"/>, through a reusable byte buffer.</summary>
    public static void ReadVector(this SqliteDataReader reader, int ordinal, byte[] scratch, Span<float> vector)
    {
        var length = vector.Length * sizeof(float);
        if (reader.GetBytes(ordinal, 0, null, 0, 0) != length)
        {
            throw new InvalidDataException("A vector BLOB's length differs from its model's dimensions.");
        }

        reader.GetBytes(ordinal, 0, scratch, 0, length);
        var words = MemoryMarshal.Cast<byte, float>(scratch.AsSpan(0, length));
        words.CopyTo(vector);
        if (!BitConverter.IsLittleEndian)
        {
            var ints = MemoryMarshal.Cast<float, int>(vector);
            BinaryPrimitives.ReverseEndianness(ints, ints);
        }
    }
}
