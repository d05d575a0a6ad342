using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Aperture.Catalog;

namespace Aperture.Libraries.Tests;

public sealed partial class HostileNameTests : IDisposable
{
    private static readonly string[] HostileTitles =
    [
        "../../../../etc/passwd",
        "..",
        ".",
        "...",
        "/",
        "\\",
        @"C:\Windows\System32",
        "/absolute/path",
        "CON",
        "nul",
        "COM1",
        "LPT9.txt",
        "aux.tar.gz",
        "PRN ",
        "COM¹",
        "trailing dots...",
        "trailing spaces   ",
        "   ",
        "",
        ".hidden",
        "a/b\\c|d:e*f?g\"h<i>j",
        "Star Wars: Episode IV – A New Hope",
        "tab\there\nnewline\r\ncrlf",
        "\0null\u0001\u001fcontrol\u007f\u0085",
        "<script>alert('x')</script> & &amp; ]]> <![CDATA[ x ]]>",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
        "\uD800 lone high \uDC00 lone low",
        "\uFFFE\uFFFF nonchars",
        "\u202Egnp.exe",
        "zero\u200Bwidth\uFEFFbom",
        "e\u0301te\u0301 (NFD)",
        "🎬🍿 Emoji 👨‍👩‍👧‍👦 family",
        new string('é', 300),
        string.Concat(Enumerable.Repeat("映画", 150)),
        string.Concat(Enumerable.Repeat("😀", 100)),
        new string('a', 254) + ".",
        "%PATH% $HOME ~ `rm -rf /`",
        "name:stream$DATA",
        "\u2028line separator\u2029paragraph",
        "ÆØÅ ß İ ı",
        "Heat",
        "Heat",
        "HEAT",
    ];

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    private readonly Sandbox _sandbox = new();

    [Theory]
    [InlineData(LibraryWriteMode.Strm)]
    [InlineData(LibraryWriteMode.Symlink)]
    public async Task Every_hostile_title_stays_inside_the_root_gets_a_portable_name_and_valid_xml(LibraryWriteMode mode)
    {
        Assert.True(HostileTitles.Length >= 30);
        var movies = HostileTitles.Select((title, i) => Movies.Create(title, i % 3 == 0 ? null : 1995, path: $"/data/movies/{i}.mkv")).ToArray();
        using var writer = TestWriters.Create(_sandbox, mode);
        var outside = _sandbox.OutsideState();

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(movies)));

        Assert.Empty(result.Skipped);
        Assert.Equal(movies.Length, result.Written);
        Assert.Equal(outside, _sandbox.OutsideState());
        Assert.Equal(["media", "out", "outside"], Directory.EnumerateFileSystemEntries(_sandbox.Path).Select(Path.GetFileName).Order());
        var folders = Directory.EnumerateDirectories(result.Library.LocalPath).ToList();
        Assert.Equal(movies.Length, folders.Count);
        Assert.Equal(movies.Length, folders.Select(folder => Path.GetFileName(folder).ToUpperInvariant()).Distinct().Count());

        foreach (var (movie, index) in movies.Select((movie, index) => (movie, index)))
        {
            var folder = Assert.Single(folders, folder => Path.GetFileName(folder).StartsWith($"{index + 1:D2} - ", StringComparison.Ordinal));
            Assert.Equal(result.Library.LocalPath, Path.GetDirectoryName(folder));
            AssertPortable(Path.GetFileName(folder));
            var files = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).ToList();
            Assert.Equal(2, files.Count);
            files.ForEach(AssertPortable);

            var nfo = Path.Join(folder, Assert.Single(files, name => name!.EndsWith(".nfo", StringComparison.Ordinal)));
            var document = XDocument.Load(nfo);
            Assert.Equal(ExpectedXmlText(movie.Title), document.Root!.Element("title")?.Value ?? string.Empty);
        }

        var rerun = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(movies)));
        Assert.Equal((0, movies.Length, 0), (rerun.Written, rerun.Unchanged, rerun.FilesWritten));
    }

    [Theory]
    [InlineData("../../evil")]
    [InlineData("..")]
    [InlineData("CON")]
    [InlineData("")]
    [InlineData("\0\u0001")]
    [InlineData("a/b\\c:d")]
    [InlineData(".profile")]
    public async Task A_hostile_user_name_stays_inside_the_users_folder(string userName)
    {
        using var writer = TestWriters.Create(_sandbox);
        var outside = _sandbox.OutsideState();

        var result = await writer.WriteAsync(new LibraryWriteRequest("../u1", userName, Movies.Entries(Movies.Create("One"))));

        var userFolder = Path.GetDirectoryName(result.Library.LocalPath)!;
        Assert.Equal(Path.Join(_sandbox.Root, "users"), Path.GetDirectoryName(userFolder));
        AssertPortable(Path.GetFileName(userFolder));
        Assert.Equal(outside, _sandbox.OutsideState());
        Assert.True(await writer.RemoveUserAsync("../u1"));
    }

    [Fact]
    public async Task Hostile_values_in_every_nfo_field_yield_valid_xml()
    {
        const string Nasty = "A\0&<b>\"'\uD800\uFFFF]]>\u0007\r\nZ";
        var movie = new Movie
        {
            Id = Guid.NewGuid(),
            ServerId = "x",
            Title = Nasty,
            OriginalTitle = Nasty + "2",
            Year = 2000,
            Overview = Nasty,
            Tagline = Nasty,
            OfficialRating = Nasty,
            Genres = [Nasty],
            Studios = [Nasty],
            Directors = [Nasty],
            Writers = [Nasty],
            Actors = [new CastMember(Nasty, Nasty)],
            ProductionCountries = [Nasty],
            Tags = [Nasty],
            ImdbId = Nasty,
            TmdbId = Nasty,
            Path = "/data/x.mkv",
        };
        using var writer = TestWriters.Create(_sandbox);

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", [new LibraryEntry(1, movie, Nasty)]));

        var nfo = Directory.EnumerateFiles(result.Library.LocalPath, "*.nfo", SearchOption.AllDirectories).Single();
        var root = XDocument.Load(nfo).Root!;
        Assert.Equal("A&<b>\"']]> Z", root.Element("title")!.Value);
        Assert.Equal("A&<b>\"']]>\nZ\n\nA&<b>\"']]>\nZ", root.Element("plot")!.Value);
        Assert.Empty(root.Elements("uniqueid"));
        Assert.All(root.Descendants(), element => Assert.DoesNotContain('\uFFFD', element.Value));
    }

    // A name every supported file system accepts: at most 255 UTF-8 bytes, no separator or character Windows
    // rejects, no control character, no leading dot, no trailing dot or space, no reserved device name.
    private static void AssertPortable(string? name)
    {
        Assert.NotNull(name);
        Assert.NotEmpty(name);
        Assert.True(Encoding.UTF8.GetByteCount(name) <= 255, $"'{name}' is longer than 255 bytes");
        Assert.DoesNotMatch(ForbiddenCharacters(), name);
        Assert.False(name.StartsWith('.'), $"'{name}' starts with a dot");
        Assert.False(name.EndsWith('.') || name.EndsWith(' '), $"'{name}' ends with a dot or space");
        Assert.DoesNotContain(name.Split('.')[0].TrimEnd(' '), Reserved);
        Assert.True(name.IsNormalized(NormalizationForm.FormC));
        Assert.All(name.EnumerateRunes(), rune => Assert.NotEqual(Rune.ReplacementChar, rune));
    }

    // The title as it must read back from the .nfo: characters XML cannot hold removed, whitespace runs collapsed.
    private static string ExpectedXmlText(string text)
    {
        var valid = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                valid.Append(text[i]).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                valid.Append(text[i]);
            }
        }

        return Whitespace().Replace(valid.ToString(), " ").Trim();
    }

    [GeneratedRegex("[<>:\"/\\\\|?*\\p{Cc}]")]
    private static partial Regex ForbiddenCharacters();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public void Dispose() => _sandbox.Dispose();
}
