using System.Text;
using Aperture.MediaServers;

namespace Aperture.Libraries.Tests;

public sealed class LayoutTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    [Fact]
    public async Task Strm_mode_writes_one_folder_per_pick_with_a_strm_holding_the_server_path_and_an_nfo()
    {
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Strm);
        var inception = Movies.Create("Inception", 2010, "/data/movies/Inception (2010)/Inception.mkv");
        var interstellar = Movies.Create("Interstellar", 2014, @"D:\Movies\Interstellar (2014)\Interstellar.mp4");

        var result = await writer.WriteAsync(new LibraryWriteRequest("4f3c9a", "Alice", Movies.Entries(inception, interstellar)));

        var movies = Path.Join(_sandbox.Root, "users", "Alice_4f3c9a", "ai-movies");
        Assert.Equal(movies, result.Library.LocalPath);
        Assert.Equal(movies, result.Library.ServerPath);
        Assert.Equal("Alice's AI Picks - Movies", result.Library.LibraryName);
        Assert.Equal("/data/movies/Inception (2010)/Inception.mkv", File.ReadAllText(Path.Join(movies, "01 - Inception (2010)", "Inception (2010).strm"), Encoding.UTF8));
        Assert.Equal(@"D:\Movies\Interstellar (2014)\Interstellar.mp4", File.ReadAllText(Path.Join(movies, "02 - Interstellar (2014)", "Interstellar (2014).strm")));
        Assert.True(File.Exists(Path.Join(movies, "01 - Inception (2010)", "Inception (2010).nfo")));
        Assert.True(File.Exists(Path.Join(_sandbox.Root, "users", "Alice_4f3c9a", ".aperture-library")));
        Assert.Equal(["01 - Inception (2010)", "02 - Interstellar (2014)"], Directory.EnumerateDirectories(movies).Select(Path.GetFileName).Order());
        Assert.Equal((2, 0, 0, 4), (result.Written, result.Unchanged, result.Removed, result.FilesWritten));
        Assert.True(result.Changed);
    }

    [Fact]
    public async Task Symlink_mode_links_to_the_original_file_as_the_server_sees_it_keeping_its_extension()
    {
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Symlink);
        var movie = Movies.Create("Heat", 1995, "/srv/media/Heat (1995)/Heat.1995.1080p.MKV");

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Bob", Movies.Entries(movie)));

        var folder = Path.Join(result.Library.LocalPath, "01 - Heat (1995)");
        var link = new FileInfo(Path.Join(folder, "Heat (1995).MKV"));
        Assert.Equal("/srv/media/Heat (1995)/Heat.1995.1080p.MKV", link.LinkTarget);
        Assert.False(File.Exists(Path.Join(folder, "Heat (1995).strm")));
        Assert.True(File.Exists(Path.Join(folder, "Heat (1995).nfo")));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Auto_mode_links_files_Aperture_can_see_and_writes_strm_for_the_others()
    {
        var visible = _sandbox.AddMediaFile("visible.mkv");
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Auto);
        var seen = Movies.Create("Seen", 2001, visible);
        var unseen = Movies.Create("Unseen", 2002, "/nowhere/unseen.mkv");
        var folderRip = Movies.Create("Disc", 2003, Path.Join(_sandbox.Media, "VIDEO_TS"));
        Directory.CreateDirectory(folderRip.Path!);

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Carol", Movies.Entries(seen, unseen, folderRip)));

        var movies = result.Library.LocalPath;
        Assert.Equal(visible, new FileInfo(Path.Join(movies, "01 - Seen (2001)", "Seen (2001).mkv")).LinkTarget);
        Assert.Equal("/nowhere/unseen.mkv", File.ReadAllText(Path.Join(movies, "02 - Unseen (2002)", "Unseen (2002).strm")));
        Assert.Equal(folderRip.Path, File.ReadAllText(Path.Join(movies, "03 - Disc (2003)", "Disc (2003).strm")));
        Assert.Equal(3, result.Written);
    }

    [Fact]
    public async Task Auto_mode_checks_visibility_through_media_path_mappings_but_links_to_the_server_path()
    {
        _sandbox.AddMediaFile("Heat.mkv");
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Auto, options =>
            options.MediaPathMappings.Add(new MediaPathMapping { ServerPath = "/data/movies", LocalPath = _sandbox.Media }));
        var movie = Movies.Create("Heat", 1995, "/data/movies/Heat.mkv");

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Dan", Movies.Entries(movie)));

        Assert.Equal("/data/movies/Heat.mkv", new FileInfo(Path.Join(result.Library.LocalPath, "01 - Heat (1995)", "Heat (1995).mkv")).LinkTarget);
    }

    [Fact]
    public async Task Auto_mode_writes_strm_files_when_the_file_system_refuses_links_and_says_so()
    {
        var visible = _sandbox.AddMediaFile("visible.mkv");
        var refuse = new LibraryFiles(createLink: (_, _) => throw new UnauthorizedAccessException("A required privilege is not held by the client."));
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Auto, files: refuse);
        var server = new MediaServerInfo("id", "Home", MediaServerKind.Jellyfin, "10.11.8");

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Dan", Movies.Entries(Movies.Create("Seen", 2001, visible), Movies.Create("Also", 2002, visible)), server));

        Assert.Equal(visible, File.ReadAllText(Path.Join(result.Library.LocalPath, "01 - Seen (2001)", "Seen (2001).strm")));
        Assert.Equal(["Also (2002).nfo", "Also (2002).strm"], Directory.EnumerateFileSystemEntries(Path.Join(result.Library.LocalPath, "02 - Also (2002)")).Select(Path.GetFileName).Order());
        Assert.Contains(result.Warnings, warning => warning.Contains("symbolic links cannot be created", StringComparison.Ordinal) && warning.Contains("privilege", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, warning => warning.Contains("Jellyfin 10.11.8 ignores", StringComparison.Ordinal) && warning.Contains("MediaPathMappings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Symlink_mode_fails_when_the_file_system_refuses_links()
    {
        var refuse = new LibraryFiles(createLink: (_, _) => throw new UnauthorizedAccessException("A required privilege is not held by the client."));
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Symlink, files: refuse);

        var error = await Assert.ThrowsAsync<LibraryWriteException>(() => writer.WriteAsync(new LibraryWriteRequest("u1", "Dan", Movies.Entries(Movies.Create("Seen")))));

        Assert.Contains("create the symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Join(_sandbox.Root, "users", "Dan_u1", "ai-movies")));
    }

    [Fact]
    public async Task Symlink_mode_warns_when_mapped_targets_are_missing()
    {
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Symlink, options =>
            options.MediaPathMappings.Add(new MediaPathMapping { ServerPath = "/data/movies", LocalPath = _sandbox.Media }));

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Dan", Movies.Entries(Movies.Create("Gone", 1999, "/data/movies/gone.mkv"))));

        Assert.Contains(result.Warnings, warning => warning.Contains("MediaPathMappings", StringComparison.Ordinal));
        Assert.NotNull(new FileInfo(Path.Join(result.Library.LocalPath, "01 - Gone (1999)", "Gone (1999).mkv")).LinkTarget);
    }

    [Theory]
    [InlineData("/mnt/aperture", "/mnt/aperture/users/Eve_u9/ai-movies")]
    [InlineData("/mnt/aperture/", "/mnt/aperture/users/Eve_u9/ai-movies")]
    [InlineData(@"D:\Aperture", @"D:\Aperture\users\Eve_u9\ai-movies")]
    [InlineData(@"\\nas\aperture\", @"\\nas\aperture\users\Eve_u9\ai-movies")]
    public async Task The_server_path_maps_the_output_root_to_the_servers_view(string serverRoot, string expected)
    {
        using var writer = TestWriters.Create(_sandbox, configure: options => options.ServerOutputRoot = serverRoot);

        var result = await writer.WriteAsync(new LibraryWriteRequest("u9", "Eve", []));

        Assert.Equal(expected, result.Library.ServerPath);
        Assert.True(Directory.Exists(result.Library.LocalPath));
    }

    [Fact]
    public async Task Ranks_are_zero_padded_to_the_widest_rank()
    {
        using var writer = TestWriters.Create(_sandbox);
        var entries = Enumerable.Range(1, 100).Select(rank => new LibraryEntry(rank, Movies.Create($"Film {rank}", 2000))).ToList();

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Fay", entries));

        Assert.True(Directory.Exists(Path.Join(result.Library.LocalPath, "001 - Film 1 (2000)")));
        Assert.True(Directory.Exists(Path.Join(result.Library.LocalPath, "100 - Film 100 (2000)")));
    }

    [Fact]
    public async Task Two_users_with_the_same_name_get_separate_folders_and_libraries_follow_the_template()
    {
        using var writer = TestWriters.Create(_sandbox, configure: options =>
        {
            options.UserFolderTemplate = "{id} - {user}";
            options.LibraryNameTemplate = "AI picks for {user}";
        });

        var first = await writer.WriteAsync(new LibraryWriteRequest("a1", "Sam", Movies.Entries(Movies.Create("One"))));
        var second = await writer.WriteAsync(new LibraryWriteRequest("b2", "Sam", Movies.Entries(Movies.Create("Two"))));

        Assert.Equal(Path.Join(_sandbox.Root, "users", "a1 - Sam", "ai-movies"), first.Library.LocalPath);
        Assert.Equal(Path.Join(_sandbox.Root, "users", "b2 - Sam", "ai-movies"), second.Library.LocalPath);
        Assert.Equal("AI picks for Sam", second.Library.LibraryName);
        var libraries = await writer.GetUserLibrariesAsync();
        Assert.Equal(["a1", "b2"], libraries.Select(library => library.UserId).Order());
    }

    [Fact]
    public async Task A_renamed_user_keeps_their_folder_under_the_new_name_and_reports_the_old_library()
    {
        using var writer = TestWriters.Create(_sandbox);
        var entries = Movies.Entries(Movies.Create("One"));
        var before = await writer.WriteAsync(new LibraryWriteRequest("u1", "Gil", entries));
        var strm = Path.Join(before.Library.LocalPath, "01 - One (2010)", "One (2010).strm");
        var fingerprint = FileTree.Fingerprints(strm)[strm];

        var after = await writer.WriteAsync(new LibraryWriteRequest("u1", "Gilbert", entries));

        Assert.False(Directory.Exists(Path.Join(_sandbox.Root, "users", "Gil_u1")));
        Assert.Equal(Path.Join(_sandbox.Root, "users", "Gilbert_u1", "ai-movies"), after.Library.LocalPath);
        Assert.Equal("Gil's AI Picks - Movies", after.PreviousLibraryName);
        Assert.Equal("Gilbert's AI Picks - Movies", after.Library.LibraryName);
        Assert.Equal((0, 1, 0), (after.Written, after.Unchanged, after.FilesWritten));
        Assert.True(after.Changed);
        var moved = Path.Join(after.Library.LocalPath, "01 - One (2010)", "One (2010).strm");
        Assert.Equal(fingerprint.Split(' ')[0], FileTree.Fingerprints(moved)[moved].Split(' ')[0]);
    }

    [Fact]
    public async Task Jellyfin_10_11_7_and_later_with_strm_files_is_warned_in_the_result_and_the_log()
    {
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger();
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Strm, logger: logger);
        var server = new MediaServerInfo("id", "Home", MediaServerKind.Jellyfin, "10.11.7");

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Hal", Movies.Entries(Movies.Create("One"), Movies.Create("Two")), server));

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("Jellyfin 10.11.7 ignores", warning, StringComparison.Ordinal);
        Assert.Contains("2 movies were written as .strm", warning, StringComparison.Ordinal);
        Assert.Contains("Mode to Symlink", warning, StringComparison.Ordinal);
        Assert.Contains(logger.Collector.GetSnapshot(), record => record.Level == Microsoft.Extensions.Logging.LogLevel.Warning && record.Message == warning);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin, "10.11.6")]
    [InlineData(MediaServerKind.Jellyfin, "10.10.7")]
    [InlineData(MediaServerKind.Emby, "4.9.1.80")]
    public async Task Servers_that_follow_strm_paths_get_no_warning(MediaServerKind kind, string version)
    {
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Strm);

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Ida", Movies.Entries(Movies.Create("One")), new MediaServerInfo("id", "Home", kind, version)));

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Symlink_mode_on_new_jellyfin_gets_no_warning()
    {
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Symlink);

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Jo", Movies.Entries(Movies.Create("One")), new MediaServerInfo("id", "Home", MediaServerKind.Jellyfin, "10.11.11")));

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Picks_that_cannot_be_written_are_skipped_with_a_reason()
    {
        using var writer = TestWriters.Create(_sandbox, LibraryWriteMode.Symlink);
        var twice = Movies.Create("Twice");
        List<LibraryEntry> entries =
        [
            new(1, Movies.Create("No Path", path: " ")),
            new(2, Movies.Create("Stream", path: "https://cdn.example/movie.m3u8?api_key=SECRET")),
            new(3, Movies.Create("Disc", path: "/data/movies/Disc/VIDEO_TS")),
            new(4, twice),
            new(5, twice),
            new(6, Movies.Create("Fine")),
        ];

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Kim", entries));

        Assert.Equal([1, 2, 3, 5], result.Skipped.Select(skip => skip.Rank));
        Assert.Contains("no file path", result.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("URL", result.Skipped[1].Reason, StringComparison.Ordinal);
        Assert.Contains("extension", result.Skipped[2].Reason, StringComparison.Ordinal);
        Assert.Contains("listed twice", result.Skipped[3].Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Written);
        Assert.DoesNotContain("SECRET", string.Concat(FileTree.Entries(_sandbox.Root).Values), StringComparison.Ordinal);
    }

    public void Dispose() => _sandbox.Dispose();
}
