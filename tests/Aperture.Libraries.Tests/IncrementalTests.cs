namespace Aperture.Libraries.Tests;

public sealed class IncrementalTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    [Theory]
    [InlineData(LibraryWriteMode.Strm)]
    [InlineData(LibraryWriteMode.Symlink)]
    [InlineData(LibraryWriteMode.Auto)]
    public async Task A_rerun_with_the_same_picks_writes_nothing(LibraryWriteMode mode)
    {
        using var writer = TestWriters.Create(_sandbox, mode);
        var entries = Movies.Entries([.. Enumerable.Range(1, 12).Select(i => Movies.Create($"Film {i}", 2000 + i, i % 2 == 0 ? _sandbox.AddMediaFile($"f{i}.mkv") : null))]);
        var request = new LibraryWriteRequest("u1", "Alice", entries);
        await writer.WriteAsync(request);
        var before = FileTree.Fingerprints(_sandbox.Root);

        var result = await writer.WriteAsync(request);

        Assert.Equal((0, 12, 0, 0), (result.Written, result.Unchanged, result.Removed, result.FilesWritten));
        Assert.False(result.Changed);
        Assert.Empty(FileTree.Differences(before, FileTree.Fingerprints(_sandbox.Root)));
    }

    [Fact]
    public async Task A_rank_change_renames_the_folder_and_rewrites_only_what_the_rank_is_in()
    {
        using var writer = TestWriters.Create(_sandbox);
        var (a, b, c) = (Movies.Create("Alpha"), Movies.Create("Bravo"), Movies.Create("Charlie"));
        var first = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(a, b, c)));
        var movies = first.Library.LocalPath;
        var before = FileTree.Fingerprints(movies);

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(a, c, b)));

        Assert.Equal((2, 1, 0), (result.Written, result.Unchanged, result.Removed));
        Assert.Equal(["01 - Alpha (2010)", "02 - Charlie (2010)", "03 - Bravo (2010)"], Directory.EnumerateDirectories(movies).Select(Path.GetFileName).Order());
        var after = FileTree.Fingerprints(movies);
        string Inode(Dictionary<string, string> prints, string path) => prints[Path.Join(movies, path)].Split(' ')[0];

        // Renamed, not rebuilt: the folder and its .strm keep their inodes; the .nfo (sort title, date added) is new.
        Assert.Equal(Inode(before, "02 - Bravo (2010)"), Inode(after, "03 - Bravo (2010)"));
        Assert.Equal(Inode(before, "02 - Bravo (2010)/Bravo (2010).strm"), Inode(after, "03 - Bravo (2010)/Bravo (2010).strm"));
        Assert.NotEqual(Inode(before, "02 - Bravo (2010)/Bravo (2010).nfo"), Inode(after, "03 - Bravo (2010)/Bravo (2010).nfo"));
        Assert.Contains("<sorttitle>03 - Bravo</sorttitle>", File.ReadAllText(Path.Join(movies, "03 - Bravo (2010)", "Bravo (2010).nfo")), StringComparison.Ordinal);
        Assert.Equal(before[Path.Join(movies, "01 - Alpha (2010)", "Alpha (2010).nfo")], after[Path.Join(movies, "01 - Alpha (2010)", "Alpha (2010).nfo")]);
        Assert.Equal(2, result.FilesWritten);
    }

    [Fact]
    public async Task A_dropped_pick_is_removed_and_an_empty_list_empties_the_library()
    {
        using var writer = TestWriters.Create(_sandbox);
        var (a, b) = (Movies.Create("Alpha"), Movies.Create("Bravo"));
        var first = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(a, b)));

        var dropped = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(a)));
        var emptied = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", []));

        Assert.Equal((0, 1, 1), (dropped.Written, dropped.Unchanged, dropped.Removed));
        Assert.Equal((0, 0, 1), (emptied.Written, emptied.Unchanged, emptied.Removed));
        Assert.Empty(Directory.EnumerateFileSystemEntries(first.Library.LocalPath));
    }

    [Fact]
    public async Task A_changed_explanation_rewrites_only_that_nfo()
    {
        using var writer = TestWriters.Create(_sandbox);
        var (a, b) = (Movies.Create("Alpha"), Movies.Create("Bravo"));
        await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(a, b)));

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", [new(1, a, "A new reason."), new(2, b, "Because you watched something like Bravo.")]));

        Assert.Equal((1, 1, 1), (result.Written, result.Unchanged, result.FilesWritten));
    }

    [Fact]
    public async Task Switching_mode_replaces_the_strm_with_a_link_and_back()
    {
        var media = _sandbox.AddMediaFile("alpha.mkv");
        var entries = Movies.Entries(Movies.Create("Alpha", 2010, media));
        using (var strm = TestWriters.Create(_sandbox, LibraryWriteMode.Strm))
        {
            await strm.WriteAsync(new LibraryWriteRequest("u1", "Alice", entries));
        }

        using var symlink = TestWriters.Create(_sandbox, LibraryWriteMode.Symlink);
        var result = await symlink.WriteAsync(new LibraryWriteRequest("u1", "Alice", entries));

        var folder = Path.Join(result.Library.LocalPath, "01 - Alpha (2010)");
        Assert.Equal(["Alpha (2010).mkv", "Alpha (2010).nfo"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order());
        Assert.Equal(media, new FileInfo(Path.Join(folder, "Alpha (2010).mkv")).LinkTarget);
        Assert.Equal((1, 1), (result.Written, result.FilesWritten));

        using var back = TestWriters.Create(_sandbox, LibraryWriteMode.Strm);
        await back.WriteAsync(new LibraryWriteRequest("u1", "Alice", entries));
        Assert.Equal(["Alpha (2010).nfo", "Alpha (2010).strm"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Files_the_server_saved_in_a_movie_folder_are_left_alone_and_do_not_count_as_changes()
    {
        using var writer = TestWriters.Create(_sandbox);
        var request = new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("Alpha")));
        var first = await writer.WriteAsync(request);
        var poster = Path.Join(first.Library.LocalPath, "01 - Alpha (2010)", "poster.jpg");
        File.WriteAllText(poster, "image");
        Directory.CreateDirectory(Path.Join(first.Library.LocalPath, "01 - Alpha (2010)", "trickplay"));

        var result = await writer.WriteAsync(request);

        Assert.Equal((0, 1), (result.Written, result.Unchanged));
        Assert.Equal("image", File.ReadAllText(poster));
    }

    [Fact]
    public async Task A_file_edited_by_hand_is_restored_on_the_next_run()
    {
        using var writer = TestWriters.Create(_sandbox);
        var request = new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("Alpha")));
        var first = await writer.WriteAsync(request);
        var nfo = Path.Join(first.Library.LocalPath, "01 - Alpha (2010)", "Alpha (2010).nfo");
        var original = File.ReadAllText(nfo);
        File.WriteAllText(nfo, original.Replace("Alpha", "Omega", StringComparison.Ordinal));

        var result = await writer.WriteAsync(request);

        Assert.Equal((1, 1), (result.Written, result.FilesWritten));
        Assert.Equal(original, File.ReadAllText(nfo));
    }

    [Fact]
    public async Task Leftovers_of_an_interrupted_run_are_cleaned_up()
    {
        using var writer = TestWriters.Create(_sandbox);
        var request = new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("Alpha")));
        var first = await writer.WriteAsync(request);
        var movies = first.Library.LocalPath;
        Directory.CreateDirectory(Path.Join(movies, ".aperture-tmp-02 - Bravo (2010)"));
        File.WriteAllText(Path.Join(movies, "01 - Alpha (2010)", ".Alpha (2010).nfo.aperture-tmp"), "<movie><ti");

        var result = await writer.WriteAsync(request);

        Assert.Equal(["01 - Alpha (2010)"], Directory.EnumerateFileSystemEntries(movies).Select(Path.GetFileName));
        Assert.Equal(["Alpha (2010).nfo", "Alpha (2010).strm"], Directory.EnumerateFileSystemEntries(Path.Join(movies, "01 - Alpha (2010)")).Select(Path.GetFileName).Order());
        Assert.Equal(0, result.FilesWritten);
    }

    [Fact]
    public async Task Dateadded_is_spaced_by_rank_with_rank_1_newest_and_stays_put_across_runs()
    {
        using var writer = TestWriters.Create(_sandbox);
        var (a, b, c) = (Movies.Create("Alpha"), Movies.Create("Bravo"), Movies.Create("Charlie"));
        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(a, b, c)));

        string DateAdded(string folder, string name) =>
            System.Xml.Linq.XDocument.Load(Path.Join(result.Library.LocalPath, folder, name + ".nfo")).Root!.Element("dateadded")!.Value;

        Assert.Equal("2026-11-01 12:00:00", DateAdded("01 - Alpha (2010)", "Alpha (2010)"));
        Assert.Equal("2026-11-01 11:59:00", DateAdded("02 - Bravo (2010)", "Bravo (2010)"));
        Assert.Equal("2026-11-01 11:58:00", DateAdded("03 - Charlie (2010)", "Charlie (2010)"));
    }

    public void Dispose() => _sandbox.Dispose();
}
