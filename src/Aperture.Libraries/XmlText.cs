using System.Text;
using System.Xml;

namespace Aperture.Libraries;

/// <summary>
/// Makes any text safe to put in an XML 1.0 document: characters XML cannot hold (control characters, unpaired
/// surrogates, U+FFFE, U+FFFF) are removed and line breaks are normalised. Escaping is left to the
/// <see cref="XmlWriter"/>.
/// </summary>
internal static class XmlText
{
    /// <summary>Cleans text that may span lines (a plot): line breaks become <c>\n</c>, other whitespace is kept.</summary>
    public static string Block(string? text) => Clean(text, singleLine: false);

    /// <summary>Cleans a one-line value (a title, a name): any run of whitespace or line breaks becomes one space.</summary>
    public static string Line(string? text) => Clean(text, singleLine: true);

    private static string Clean(string? text, bool singleLine)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
                {
                    Flush(builder, ref pendingSpace);
                    builder.Append(c).Append(text[++i]);
                }

                continue;
            }

            if (c == '\r')
            {
                // \r\n and a lone \r are both one line break.
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (singleLine && char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (!XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            Flush(builder, ref pendingSpace);
            builder.Append(c);
        }

        return singleLine ? builder.ToString() : builder.ToString().Trim();
    }

    private static void Flush(StringBuilder builder, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            builder.Append(' ');
            pendingSpace = false;
        }
    }
}
