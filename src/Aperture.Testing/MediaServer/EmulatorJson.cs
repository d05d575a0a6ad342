using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Aperture.Testing;

/// <summary>JSON formatting shared by the emulator's writers: the servers' date format and property fragments.</summary>
internal static class EmulatorJson
{
    /// <summary>Writes a UTC date the way both servers do: seven fractional digits and a <c>Z</c>.</summary>
    public static void WriteDate(Utf8JsonWriter writer, string name, DateTimeOffset value) =>
        writer.WriteString(name, FormatDate(value));

    /// <summary>Formats a UTC date the way both servers do, for example <c>2023-05-15T15:10:02.3333918Z</c>.</summary>
    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes a date-only value as midnight UTC, as the servers send premiere dates.</summary>
    public static void WriteDate(Utf8JsonWriter writer, string name, DateOnly value) =>
        WriteDate(writer, name, new DateTimeOffset(value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}

/// <summary>
/// Writes the properties of a JSON object into a reusable buffer and hands them back without the braces, so
/// fragments can be joined into objects later without serialising again.
/// </summary>
internal sealed class JsonFragmentWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public JsonFragmentWriter()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Starts a fragment and returns the writer to write its properties with.</summary>
    public Utf8JsonWriter Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        return _writer;
    }

    /// <summary>Ends the fragment and returns its properties (<c>"A":1,"B":2</c>), or an empty array when none were written.</summary>
    public byte[] End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        var written = _buffer.WrittenSpan;
        return written.Length <= 2 ? [] : written[1..^1].ToArray();
    }
}
