using System.Buffers;
using System.Globalization;
using System.Text;

namespace Aperture.Libraries;

/// <summary>
/// Turns arbitrary text (titles, user names) into one path segment that is safe on Linux, macOS and Windows
/// file systems: no separators, no characters Windows rejects, no control or invisible characters, no reserved
/// device names, no leading dot (hidden, so servers skip it), no trailing dot or space, and a bounded UTF-8 length.
/// </summary>
internal static class SafeName
{
    /// <summary>The longest file or folder name most file systems accept, in UTF-8 bytes.</summary>
    public const int MaxSegmentBytes = 255;

    private static readonly SearchValues<char> Dropped = SearchValues.Create("<>*?");

    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>
    /// Cleans <paramref name="text"/> into a safe segment of at most <paramref name="maxBytes"/> UTF-8 bytes;
    /// the result may be empty when nothing printable is left.
    /// </summary>
    public static string Clean(string? text, int maxBytes = MaxSegmentBytes)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var source = Normalize(text);
        var builder = new StringBuilder(source.Length);
        var pendingSpace = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (Dropped.Contains(c) || IsInvisible(c))
            {
                continue;
            }

            // "Star Wars: Episode IV" reads best as "Star Wars - Episode IV"; "12:01" as "12-01".
            if (c == ':' && (i + 1 == source.Length || char.IsWhiteSpace(source[i + 1])))
            {
                pendingSpace = builder.Length > 0;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                '/' or '\\' or '|' or ':' => '-',
                '"' => '\'',
                _ => c,
            });
        }

        return Fit(AvoidReservedName(TrimEnds(builder.ToString())), maxBytes);
    }

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="maxBytes"/> UTF-8 bytes without splitting a
    /// character (or a grapheme such as an emoji sequence), then trims what Windows rejects at the end.
    /// </summary>
    public static string Fit(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var bytes = 0;
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            length += element.Length;
        }

        return TrimEnds(text[..length]);
    }

    /// <summary>The UTF-8 size of <paramref name="text"/>.</summary>
    public static int ByteCount(string text) => Encoding.UTF8.GetByteCount(text);

    // NFC, so a title typed with combining accents and one typed precomposed get the same name (macOS stores NFD);
    // unpaired surrogates cannot be normalised or encoded and are dropped first.
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'))
            {
                builder.Append(c);
            }
        }

        var clean = builder.ToString();
        return clean.IsNormalized(NormalizationForm.FormC) ? clean : clean.Normalize(NormalizationForm.FormC);
    }

    // Format characters (bidirectional overrides, zero-width spaces, byte order marks) are invisible and let a name
    // look like another; dropping them keeps names honest. Joiners stay: emoji sequences and several scripts need them.
    private static bool IsInvisible(char c) =>
        c is not ('\u200C' or '\u200D') && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    // Leading dots hide a file from servers and shells; trailing dots and spaces are stripped by Windows.
    private static string TrimEnds(string text) => text.TrimStart('.', ' ').TrimEnd('.', ' ');

    // Windows reserves device names with any extension ("CON", "nul.txt", "COM1.tar.gz"): the part before the
    // first dot decides, so a name built from this one plus an extension stays safe.
    private static string AvoidReservedName(string text)
    {
        var stem = text.AsSpan();
        var dot = stem.IndexOf('.');
        if (dot >= 0)
        {
            stem = stem[..dot];
        }

        var trimmed = stem.TrimEnd(' ');
        return ReservedDeviceNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(trimmed)
            ? string.Concat(text.AsSpan(0, trimmed.Length), "_", text.AsSpan(trimmed.Length))
            : text;
    }
}
