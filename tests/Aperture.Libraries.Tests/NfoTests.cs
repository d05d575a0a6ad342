using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Aperture.Catalog;

namespace Aperture.Libraries.Tests;

public sealed partial class NfoTests
{
    private static readonly DateTimeOffset DateAdded = new(2026, 11, 1, 11, 58, 0, TimeSpan.Zero);

    private static readonly string[] ElementOrder =
    [
        "title", "originaltitle", "sorttitle", "year", "plot", "tagline", "runtime", "mpaa", "rating", "genre", "studio",
        "director", "credits", "actor", "country", "tag", "uniqueid", "thumb", "fanart", "dateadded", "lockdata",
    ];

    [Fact]
    public void A_rich_movie_parses_back_to_the_same_values()
    {
        var movie = Movies.Rich();

        var nfo = NfoReader.Read(Parse(NfoWriter.Write(movie, "03 - Inception", "Because you watched Interstellar.", DateAdded)));

        Assert.Equal("Inception", nfo.Title);
        Assert.Equal("Inception (Original)", nfo.OriginalTitle);
        Assert.Equal("03 - Inception", nfo.SortTitle);
        Assert.Equal("2010", nfo.Year);
        Assert.Equal("Because you watched Interstellar.\n\n" + movie.Overview, nfo.Plot);
        Assert.Equal(movie.Tagline, nfo.Tagline);
        Assert.Equal("148", nfo.Runtime);
        Assert.Equal("PG-13", nfo.Mpaa);
        Assert.Equal("8.4", nfo.Rating);
        Assert.Equal(movie.Genres, nfo.Genres);
        Assert.Equal(movie.Studios, nfo.Studios);
        Assert.Equal(movie.Directors, nfo.Directors);
        Assert.Equal(movie.Writers, nfo.Credits);
        Assert.Equal([("Leonardo DiCaprio", "Dom Cobb"), ("Joseph Gordon-Levitt", "Arthur"), ("Elliot Page", null)], nfo.Actors);
        Assert.Equal(movie.ProductionCountries, nfo.Countries);
        Assert.Equal(movie.Tags, nfo.Tags);
        Assert.Equal(new Dictionary<string, string> { ["imdb"] = "tt1375666", ["tmdb"] = "27205" }, nfo.UniqueIds);
        Assert.Equal("http://jellyfin.local:8096/Items/f27caa37e5142225cceded48f6553502/Images/Primary?tag=abc", nfo.Poster);
        Assert.Equal(movie.BackdropUrl!.AbsoluteUri, nfo.Fanart);
        Assert.Equal("2026-11-01 11:58:00", nfo.DateAdded);
        Assert.Equal("true", nfo.LockData);
    }

    [Fact]
    public void The_document_is_kodi_shaped_utf8_without_bom_and_leaves_out_release_dates_and_made_up_fields()
    {
        var bytes = NfoWriter.Write(Movies.Rich(), "01 - Inception", null, DateAdded);
        var document = Parse(bytes);

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n<movie>\n  <title>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(ElementOrder, document.Root!.Elements().Select(element => element.Name.LocalName).Distinct());
        Assert.DoesNotContain(document.Descendants(), element => element.Name.LocalName is "premiered" or "releasedate" or "id" or "set" or "criticrating");
        Assert.Equal("true", document.Root.Elements("uniqueid").Single(id => id.Attribute("type")!.Value == "imdb").Attribute("default")?.Value);
        Assert.DoesNotContain("SECRET123", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("27205x", "tt1375666", "imdb")]
    [InlineData("0", "nm0634240", null)]
    [InlineData("-5", "tt", null)]
    [InlineData("603", "tt0133093 ", "imdb,tmdb")]
    public void Only_real_provider_ids_are_written(string tmdb, string imdb, string? expectedTypes)
    {
        var movie = Movies.Rich() with { TmdbId = tmdb, ImdbId = imdb };

        var ids = NfoReader.Read(Parse(NfoWriter.Write(movie, "01 - Inception", null, DateAdded))).UniqueIds;

        Assert.Equal(expectedTypes?.Split(',') ?? [], ids.Keys.Order());
    }

    [Fact]
    public void Without_an_explanation_the_plot_is_the_overview_and_without_an_overview_it_is_the_explanation()
    {
        var movie = Movies.Rich();

        Assert.Equal(movie.Overview, NfoReader.Read(Parse(NfoWriter.Write(movie, "s", null, DateAdded))).Plot);
        Assert.Equal("Why.", NfoReader.Read(Parse(NfoWriter.Write(movie with { Overview = null }, "s", "Why.", DateAdded))).Plot);
        Assert.Null(NfoReader.Read(Parse(NfoWriter.Write(movie with { Overview = "  " }, "s", null, DateAdded))).Plot);
    }

    [Fact]
    public async Task Explanations_are_left_out_when_the_option_is_off()
    {
        using var sandbox = new Sandbox();
        using var writer = TestWriters.Create(sandbox, configure: options => options.IncludeExplanationInPlot = false);
        var movie = Movies.Rich();

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", [new LibraryEntry(1, movie, "Secret reason.")]));

        var nfo = NfoReader.Read(Path.Join(result.Library.LocalPath, "01 - Inception (2010)", "Inception (2010).nfo"));
        Assert.Equal(movie.Overview, nfo.Plot);
    }

    [Fact]
    public void Same_original_title_unusable_rating_and_missing_values_are_left_out()
    {
        var movie = new Movie { ServerId = "1", Title = "Solo", OriginalTitle = "Solo", CommunityRating = double.NaN, RuntimeMinutes = 0, Year = 0 };

        var names = Parse(NfoWriter.Write(movie, "01 - Solo", null, DateAdded)).Root!.Elements().Select(element => element.Name.LocalName);

        Assert.Equal(["title", "sorttitle", "dateadded", "lockdata"], names);
    }

    [Fact]
    public void Markup_in_values_is_escaped_and_reads_back_unchanged()
    {
        var movie = new Movie { ServerId = "1", Title = "Lilo & Stitch", Overview = ">>As Stitch, a runaway \"puppy\"<<" };

        var bytes = NfoWriter.Write(movie, "01 - Lilo & Stitch", null, DateAdded);

        Assert.Contains("<title>Lilo &amp; Stitch</title>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var nfo = NfoReader.Read(Parse(bytes));
        Assert.Equal("Lilo & Stitch", nfo.Title);
        Assert.Equal(">>As Stitch, a runaway \"puppy\"<<", nfo.Plot);
    }

    [NfoSamplesFact]
    public void Every_element_we_write_is_one_the_real_nfo_files_use()
    {
        var sampleNames = Samples().SelectMany(sample => sample.Document.Descendants()).Select(element => element.Name.LocalName).ToHashSet();

        var ours = Parse(NfoWriter.Write(Movies.Rich(), "01 - Inception", "Why.", DateAdded)).Descendants().Select(element => element.Name.LocalName).Distinct();

        Assert.Empty(ours.Except(sampleNames));
    }

    [NfoSamplesFact]
    public void Our_formats_are_the_ones_the_real_nfo_files_use()
    {
        var samples = Samples().Select(sample => sample.Document.Root!).ToList();
        var ours = Parse(NfoWriter.Write(Movies.Rich(), "01 - Inception", null, DateAdded)).Root!;

        var sampleDates = samples.SelectMany(root => root.Elements("dateadded")).Select(element => element.Value.Trim()).ToList();
        Assert.NotEmpty(sampleDates);
        Assert.All(sampleDates, date => DateTime.ParseExact(date, NfoWriter.DateAddedFormat, CultureInfo.InvariantCulture));
        Assert.Matches(DateTimeFormat(), ours.Element("dateadded")!.Value);

        var sampleIdTypes = samples.SelectMany(root => root.Elements("uniqueid")).Select(id => (string?)id.Attribute("type")).ToHashSet();
        Assert.Subset(sampleIdTypes, ours.Elements("uniqueid").Select(id => (string?)id.Attribute("type")).ToHashSet());

        Assert.Contains(samples, root => root.Elements("thumb").Any(thumb => (string?)thumb.Attribute("aspect") == "poster" && Uri.IsWellFormedUriString(thumb.Value.Trim(), UriKind.Absolute)));
        Assert.Contains(samples, root => root.Element("fanart")?.Element("thumb") is not null);
        Assert.Contains(samples, root => root.Elements("actor").Any(actor => actor.Element("name") is not null && actor.Element("role") is not null));
        Assert.Contains(samples, root => root.Element("lockdata")?.Value.Trim() is "true" or "false");
        Assert.All(samples.SelectMany(root => root.Elements("runtime")), runtime => int.Parse(runtime.Value.Trim(), CultureInfo.InvariantCulture));
        Assert.All(samples.SelectMany(root => root.Elements("rating")).Where(rating => !rating.HasElements), rating => double.Parse(rating.Value.Trim(), CultureInfo.InvariantCulture));
    }

    [NfoSamplesFact]
    public void The_reader_that_checks_our_files_reads_Jellyfins_own_samples_as_Jellyfins_tests_expect()
    {
        var justiceLeague = NfoReader.Read(Path.Join(SharedReference.NfoSamples!, "jellyfin", "Justice League.nfo"));
        Assert.Equal("Justice League", justiceLeague.OriginalTitle);
        Assert.Equal("Justice for all.", justiceLeague.Tagline);
        Assert.Equal("tt0974015", justiceLeague.UniqueIds["imdb"]);
        Assert.Equal("141052", justiceLeague.UniqueIds["tmdb"]);
        Assert.Equal(["Action", "Adventure", "Fantasy", "Sci-Fi"], justiceLeague.Genres);
        Assert.Equal(["DC Comics"], justiceLeague.Studios);
        Assert.Equal("2019-08-06 09:01:18", justiceLeague.DateAdded);
        Assert.Equal(15, justiceLeague.Actors.Count(actor => actor.Role is not null));

        var lilo = NfoReader.Read(Path.Join(SharedReference.NfoSamples!, "jellyfin", "Lilo & Stitch.nfo"));
        Assert.Equal("Lilo & Stitch", lilo.Title);
        Assert.StartsWith(">>", lilo.Plot, StringComparison.Ordinal);
        Assert.EndsWith("<<", lilo.Plot, StringComparison.Ordinal);

        var fanart = NfoReader.Read(Path.Join(SharedReference.NfoSamples!, "jellyfin", "Fanart.nfo"));
        Assert.Equal("https://assets.fanart.tv/fanart/movies/141052/moviebackground/justice-league-5a5332c7b5e77.jpg", fanart.Fanart);
    }

    private static XDocument Parse(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return XDocument.Load(stream);
    }

    // The XML movie .nfo samples (URL-only ones are not XML and are skipped).
    private static IEnumerable<(string Path, XDocument Document)> Samples()
    {
        foreach (var path in Directory.EnumerateFiles(SharedReference.NfoSamples!, "*.nfo", SearchOption.AllDirectories))
        {
            XDocument document;
            try
            {
                document = XDocument.Load(path);
            }
            catch (XmlException)
            {
                continue;
            }

            if (document.Root?.Name.LocalName == "movie")
            {
                yield return (path, document);
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex DateTimeFormat();
}
