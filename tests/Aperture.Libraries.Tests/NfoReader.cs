using System.Xml.Linq;

namespace Aperture.Libraries.Tests;

/// <summary>The values of a movie .nfo, read the way Jellyfin's and Emby's parsers read them.</summary>
internal sealed record NfoValues(
    string? Title,
    string? OriginalTitle,
    string? SortTitle,
    string? Year,
    string? Plot,
    string? Tagline,
    string? Runtime,
    string? Mpaa,
    string? Rating,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Studios,
    IReadOnlyList<string> Directors,
    IReadOnlyList<string> Credits,
    IReadOnlyList<(string Name, string? Role)> Actors,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> UniqueIds,
    string? Poster,
    string? Fanart,
    string? DateAdded,
    string? LockData);

/// <summary>Reads .nfo files into <see cref="NfoValues"/>: root <c>movie</c>, trimmed element text, first value wins.</summary>
internal static class NfoReader
{
    public static NfoValues Read(string path) => Read(XDocument.Load(path));

    public static NfoValues Read(XDocument document)
    {
        var movie = document.Root!;
        Assert.Equal("movie", movie.Name.LocalName);
        string? One(string name) => movie.Element(name)?.Value.Trim();
        List<string> All(string name) => [.. movie.Elements(name).Select(element => element.Value.Trim())];
        return new NfoValues(
            One("title"),
            One("originaltitle"),
            One("sorttitle"),
            One("year"),
            One("plot"),
            One("tagline"),
            One("runtime"),
            One("mpaa"),
            One("rating"),
            All("genre"),
            All("studio"),
            All("director"),
            All("credits"),
            [.. movie.Elements("actor").Select(actor => (actor.Element("name")!.Value.Trim(), actor.Element("role")?.Value.Trim()))],
            All("country"),
            All("tag"),
            movie.Elements("uniqueid")
                .Where(id => id.Attribute("type") is not null)
                .GroupBy(id => id.Attribute("type")!.Value)
                .ToDictionary(group => group.Key, group => group.First().Value.Trim()),
            movie.Elements("thumb").FirstOrDefault(thumb => (string?)thumb.Attribute("aspect") == "poster")?.Value.Trim(),
            movie.Element("fanart")?.Element("thumb")?.Value.Trim(),
            One("dateadded"),
            One("lockdata"));
    }
}
