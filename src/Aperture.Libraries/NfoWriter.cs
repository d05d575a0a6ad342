using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Aperture.Catalog;

namespace Aperture.Libraries;

/// <summary>
/// Writes a movie's <c>.nfo</c> in the Kodi movie format that Jellyfin and Emby read (root <c>&lt;movie&gt;</c>).
/// </summary>
/// <remarks>
/// <para><c>premiered</c> and <c>releasedate</c> are left out on purpose: Emby lists items that have them twice
/// under "recently released". Only real IMDb and TMDb ids are written: made-up provider ids break playback
/// tracking on the server. <c>lockdata</c> keeps the server from replacing these values with its own.</para>
/// <para>Any input yields well-formed XML: values are escaped by <see cref="XmlWriter"/> and characters XML cannot
/// hold are removed first (<see cref="XmlText"/>).</para>
/// </remarks>
internal static partial class NfoWriter
{
    /// <summary>The format of <c>dateadded</c> that Jellyfin's and Emby's parsers read.</summary>
    public const string DateAddedFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CheckCharacters = true,
    };

    // Query parameters that carry credentials; an image URL must never leak them into a file.
    private static readonly string[] SecretParameters = ["api_key", "apikey", "x-emby-token", "x-mediabrowser-token", "token", "access_token"];

    /// <summary>Builds the <c>.nfo</c> bytes (UTF-8, no byte order mark).</summary>
    /// <param name="movie">The movie.</param>
    /// <param name="sortTitle">The sort title, <c>NN - Title</c>, so the library lists picks in rank order.</param>
    /// <param name="explanation">Why it was picked, put before the plot; <see langword="null"/> for none.</param>
    /// <param name="dateAdded">The <c>dateadded</c> value (written in UTC).</param>
    public static byte[] Write(Movie movie, string sortTitle, string? explanation, DateTimeOffset dateAdded)
    {
        using var stream = new MemoryStream(2048);
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("movie");

            var title = XmlText.Line(movie.Title);
            Element(xml, "title", title);
            var originalTitle = XmlText.Line(movie.OriginalTitle);
            if (!string.Equals(originalTitle, title, StringComparison.Ordinal))
            {
                Element(xml, "originaltitle", originalTitle);
            }

            Element(xml, "sorttitle", XmlText.Line(sortTitle));
            Element(xml, "year", movie.Year is > 0 and <= 9999 ? Invariant(movie.Year.Value) : null);
            Element(xml, "plot", Plot(movie.Overview, explanation));
            Element(xml, "tagline", XmlText.Line(movie.Tagline));
            Element(xml, "runtime", movie.RuntimeMinutes is > 0 ? Invariant(movie.RuntimeMinutes.Value) : null);
            Element(xml, "mpaa", XmlText.Line(movie.OfficialRating));
            Element(xml, "rating", movie.CommunityRating is >= 0 and <= 10 ? movie.CommunityRating.Value.ToString("0.0", CultureInfo.InvariantCulture) : null);
            Elements(xml, "genre", movie.Genres);
            Elements(xml, "studio", movie.Studios);
            Elements(xml, "director", movie.Directors);
            Elements(xml, "credits", movie.Writers);
            foreach (var actor in movie.Actors)
            {
                var name = XmlText.Line(actor.Name);
                if (name.Length == 0)
                {
                    continue;
                }

                xml.WriteStartElement("actor");
                Element(xml, "name", name);
                Element(xml, "role", XmlText.Line(actor.Role));
                xml.WriteEndElement();
            }

            Elements(xml, "country", movie.ProductionCountries);
            Elements(xml, "tag", movie.Tags);
            UniqueIds(xml, movie);
            if (ImageUrl(movie.PosterUrl) is { } poster)
            {
                xml.WriteStartElement("thumb");
                xml.WriteAttributeString("aspect", "poster");
                xml.WriteString(poster);
                xml.WriteEndElement();
            }

            if (ImageUrl(movie.BackdropUrl) is { } backdrop)
            {
                xml.WriteStartElement("fanart");
                Element(xml, "thumb", backdrop);
                xml.WriteEndElement();
            }

            Element(xml, "dateadded", dateAdded.UtcDateTime.ToString(DateAddedFormat, CultureInfo.InvariantCulture));
            Element(xml, "lockdata", "true");
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static string Plot(string? overview, string? explanation)
    {
        var about = XmlText.Block(overview);
        var why = XmlText.Block(explanation);
        return (why.Length, about.Length) switch
        {
            (0, _) => about,
            (_, 0) => why,
            _ => why + "\n\n" + about,
        };
    }

    private static void UniqueIds(XmlWriter xml, Movie movie)
    {
        var imdb = movie.ImdbId?.Trim();
        var tmdb = movie.TmdbId?.Trim();
        var hasImdb = imdb is not null && ImdbId().IsMatch(imdb);
        var hasTmdb = tmdb is not null && TmdbId().IsMatch(tmdb);
        if (hasImdb)
        {
            UniqueId(xml, "imdb", imdb!, isDefault: true);
        }

        if (hasTmdb)
        {
            UniqueId(xml, "tmdb", tmdb!, isDefault: !hasImdb);
        }
    }

    private static void UniqueId(XmlWriter xml, string type, string value, bool isDefault)
    {
        xml.WriteStartElement("uniqueid");
        xml.WriteAttributeString("type", type);
        if (isDefault)
        {
            xml.WriteAttributeString("default", "true");
        }

        xml.WriteString(value);
        xml.WriteEndElement();
    }

    // Only absolute http(s) URLs, stripped of credential parameters.
    private static string? ImageUrl(Uri? url)
    {
        if (url is not { IsAbsoluteUri: true } || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var builder = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty };
        if (builder.Query.Length > 1)
        {
            var kept = builder.Query[1..]
                .Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(pair => !SecretParameters.Contains(Uri.UnescapeDataString(pair.Split('=')[0]), StringComparer.OrdinalIgnoreCase));
            builder.Query = string.Join('&', kept);
        }

        var clean = XmlText.Line(builder.Uri.AbsoluteUri);
        return clean.Length > 0 ? clean : null;
    }

    private static void Elements(XmlWriter xml, string name, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            Element(xml, name, XmlText.Line(value));
        }
    }

    private static void Element(XmlWriter xml, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            xml.WriteElementString(name, value);
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^tt[0-9]{5,10}$")]
    private static partial Regex ImdbId();

    [GeneratedRegex("^[1-9][0-9]{0,9}$")]
    private static partial Regex TmdbId();
}
