namespace Aperture.Libraries.Tests;

public sealed class NamingTests
{
    [Theory]
    [InlineData("Inception", 2010, "Inception (2010)")]
    [InlineData("Star Wars: Episode IV", 1977, "Star Wars - Episode IV (1977)")]
    [InlineData("12:01", 1993, "12-01 (1993)")]
    [InlineData("Face/Off", 1997, "Face-Off (1997)")]
    [InlineData("Dune (2021)", 2021, "Dune (2021)")]
    [InlineData("What?", null, "What")]
    [InlineData("", 2000, "Untitled (2000)")]
    [InlineData("CON", null, "CON_")]
    [InlineData("Amélie", 2001, "Amélie (2001)")]
    public void Base_names_read_well_and_are_safe(string title, int? year, string expected) =>
        Assert.Equal(expected, LibraryPlanner.BaseName(title, year));

    [Fact]
    public void Long_names_are_cut_on_a_character_boundary()
    {
        var name = LibraryPlanner.BaseName(string.Concat(Enumerable.Repeat("👨‍👩‍👧", 40)), 2000);

        Assert.True(SafeName.ByteCount(name) <= 180);
        Assert.EndsWith("👨‍👩‍👧 (2000)", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alice", "4f3c", "{user}_{id}", "Alice_4f3c")]
    [InlineData("", "4f3c", "{user}_{id}", "user_4f3c")]
    [InlineData("A/B:C", "12", "{user}_{id}", "A-B-C_12")]
    [InlineData("Alice", "../x", "{user}_{id}", "Alice_id-")]
    [InlineData("Alice", "4f3c", "{id}", "4f3c")]
    public void User_folders_are_safe_and_keep_the_id(string name, string id, string template, string expectedStart) =>
        Assert.StartsWith(expectedStart, NameTemplate.RenderUserFolder(template, name, id), StringComparison.Ordinal);

    [Fact]
    public void A_very_long_user_name_is_shortened_but_the_id_is_kept()
    {
        var folder = NameTemplate.RenderUserFolder("{user}_{id}", new string('x', 500), "f27caa37e5142225cceded48f6553502");

        Assert.EndsWith("_f27caa37e5142225cceded48f6553502", folder, StringComparison.Ordinal);
        Assert.True(SafeName.ByteCount(folder) <= 160);
    }

    [Fact]
    public void Library_names_use_the_display_name_on_one_line()
    {
        Assert.Equal("Alice B's AI Picks - Movies", NameTemplate.RenderLibraryName("{user}'s AI Picks - Movies", "Alice\n B\u0000", "u1"));
        Assert.Equal("u1's AI Picks - Movies", NameTemplate.RenderLibraryName("{user}'s AI Picks - Movies", " ", "u1"));
    }

    [Theory]
    [InlineData("/data/movies/x.mkv", ".mkv")]
    [InlineData(@"D:\Movies\X (2010)\X.Mp4", ".Mp4")]
    [InlineData("/data/movies/VIDEO_TS", null)]
    [InlineData("/data/movies.d/noext", null)]
    [InlineData("/data/.hidden", null)]
    [InlineData("/data/x.a-b", null)]
    public void Extensions_come_from_the_last_segment_of_either_separator(string path, string? expected) =>
        Assert.Equal(expected, ServerPaths.GetExtension(path));

    [Theory]
    [InlineData("/data/movies/a/b.mkv", "/data/movies", "/media/m", "/media/m/a/b.mkv")]
    [InlineData("/data/movies2/b.mkv", "/data/movies", "/media/m", "/data/movies2/b.mkv")]
    [InlineData(@"D:\Movies\A\b.mkv", @"d:\movies", "/media/m", "/media/m/A/b.mkv")]
    [InlineData("/data/movies", "/data/movies/", "/media/m", "/media/m")]
    public void Media_paths_map_by_folder_prefix(string serverPath, string from, string to, string expected)
    {
        var mapped = ServerPaths.ToLocal(serverPath, [new MediaPathMapping { ServerPath = from, LocalPath = to }]);

        Assert.Equal(expected.Replace('/', Path.DirectorySeparatorChar), mapped.Replace('/', Path.DirectorySeparatorChar));
    }

    [Fact]
    public void The_longest_mapping_wins()
    {
        MediaPathMapping[] mappings =
        [
            new() { ServerPath = "/data", LocalPath = "/a" },
            new() { ServerPath = "/data/movies", LocalPath = "/b" },
        ];

        Assert.Equal(Path.Join("/b", "x.mkv"), ServerPaths.ToLocal("/data/movies/x.mkv", mappings));
    }
}
