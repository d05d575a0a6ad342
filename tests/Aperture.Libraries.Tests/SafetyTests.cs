namespace Aperture.Libraries.Tests;

public sealed class SafetyTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    [Fact]
    public async Task A_user_folder_without_the_marker_is_never_removed()
    {
        using var writer = TestWriters.Create(_sandbox);
        var foreign = Path.Join(_sandbox.Root, "users", "Zed_u7");
        Directory.CreateDirectory(Path.Join(foreign, "ai-movies", "01 - Mine (2000)"));
        File.WriteAllText(Path.Join(foreign, "ai-movies", "01 - Mine (2000)", "Mine (2000).strm"), "/mine.mkv");
        var before = FileTree.Entries(foreign);

        var removed = await writer.RemoveUserAsync("u7");

        Assert.False(removed);
        Assert.Empty(await writer.GetUserLibrariesAsync());
        Assert.Equal(before, FileTree.Entries(foreign));
    }

    [Fact]
    public async Task Writing_into_a_non_empty_folder_Aperture_did_not_create_fails_and_touches_nothing()
    {
        using var writer = TestWriters.Create(_sandbox);
        var foreign = Path.Join(_sandbox.Root, "users", "Zed_u7");
        Directory.CreateDirectory(Path.Join(foreign, "ai-movies", "Someone else's"));
        var before = FileTree.Entries(_sandbox.Root);

        var error = await Assert.ThrowsAsync<LibraryWriteException>(() => writer.WriteAsync(new LibraryWriteRequest("u7", "Zed", Movies.Entries(Movies.Create("One")))));

        Assert.Equal(foreign, error.Path);
        Assert.Contains("did not create", error.Message, StringComparison.Ordinal);
        Assert.Contains("UserFolderTemplate", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, FileTree.Entries(_sandbox.Root));
    }

    [Fact]
    public async Task An_empty_folder_in_the_way_is_adopted()
    {
        using var writer = TestWriters.Create(_sandbox);
        Directory.CreateDirectory(Path.Join(_sandbox.Root, "users", "Zed_u7"));

        var result = await writer.WriteAsync(new LibraryWriteRequest("u7", "Zed", Movies.Entries(Movies.Create("One"))));

        Assert.Equal(1, result.Written);
        Assert.True(await writer.RemoveUserAsync("u7"));
        Assert.False(Directory.Exists(Path.Join(_sandbox.Root, "users", "Zed_u7")));
    }

    [Fact]
    public async Task Removing_a_user_removes_only_their_marked_folder_and_never_follows_links()
    {
        using var writer = TestWriters.Create(_sandbox);
        var alice = await writer.WriteAsync(new LibraryWriteRequest("a", "Alice", Movies.Entries(Movies.Create("One"))));
        var bob = await writer.WriteAsync(new LibraryWriteRequest("b", "Bob", Movies.Entries(Movies.Create("Two"))));
        var folder = Path.Join(alice.Library.LocalPath, "01 - One (2010)");
        Directory.CreateSymbolicLink(Path.Join(folder, "escape"), _sandbox.Outside);
        File.CreateSymbolicLink(Path.Join(folder, "poster.jpg"), Path.Join(_sandbox.Outside, "precious.txt"));
        var outside = _sandbox.OutsideState();

        Assert.True(await writer.RemoveUserAsync("a"));

        Assert.False(Directory.Exists(Path.GetDirectoryName(alice.Library.LocalPath)));
        Assert.True(Directory.Exists(bob.Library.LocalPath));
        Assert.Equal(outside, _sandbox.OutsideState());
        Assert.False(await writer.RemoveUserAsync("a"));
    }

    [Fact]
    public async Task A_stale_movie_folder_that_is_a_link_outside_is_unlinked_not_followed()
    {
        using var writer = TestWriters.Create(_sandbox);
        var request = new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("One")));
        var first = await writer.WriteAsync(request);
        Directory.CreateSymbolicLink(Path.Join(first.Library.LocalPath, "02 - Escape (2010)"), _sandbox.Outside);
        var outside = _sandbox.OutsideState();

        var result = await writer.WriteAsync(request);

        Assert.Equal(1, result.Removed);
        Assert.False(Path.Exists(Path.Join(first.Library.LocalPath, "02 - Escape (2010)")));
        Assert.Equal(outside, _sandbox.OutsideState());
    }

    [Fact]
    public async Task A_stale_folder_holding_links_outside_is_removed_without_touching_their_targets()
    {
        using var writer = TestWriters.Create(_sandbox);
        var (a, b) = (Movies.Create("Alpha"), Movies.Create("Bravo"));
        var first = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(a, b)));
        var bravo = Path.Join(first.Library.LocalPath, "02 - Bravo (2010)");
        Directory.CreateSymbolicLink(Path.Join(bravo, "extras"), _sandbox.Outside);
        File.CreateSymbolicLink(Path.Join(bravo, "fanart.jpg"), Path.Join(_sandbox.Outside, "precious.txt"));
        var outside = _sandbox.OutsideState();

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(a)));

        Assert.Equal(1, result.Removed);
        Assert.False(Directory.Exists(bravo));
        Assert.Equal(outside, _sandbox.OutsideState());
    }

    [Fact]
    public async Task A_movie_folder_replaced_by_a_link_outside_is_rebuilt_as_a_real_folder()
    {
        using var writer = TestWriters.Create(_sandbox);
        var request = new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("One")));
        var first = await writer.WriteAsync(request);
        var folder = Path.Join(first.Library.LocalPath, "01 - One (2010)");
        LibraryFiles.Delete(folder);
        Directory.CreateSymbolicLink(folder, _sandbox.Outside);
        var outside = _sandbox.OutsideState();

        var result = await writer.WriteAsync(request);

        Assert.Equal(1, result.Written);
        Assert.Equal(EntryKind.Directory, LibraryFiles.Inspect(folder));
        Assert.True(File.Exists(Path.Join(folder, "One (2010).nfo")));
        Assert.Equal(outside, _sandbox.OutsideState());
    }

    [Fact]
    public async Task An_nfo_replaced_by_a_link_outside_is_replaced_and_its_target_untouched()
    {
        using var writer = TestWriters.Create(_sandbox);
        var request = new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("One")));
        var first = await writer.WriteAsync(request);
        var nfo = Path.Join(first.Library.LocalPath, "01 - One (2010)", "One (2010).nfo");
        File.Delete(nfo);
        File.CreateSymbolicLink(nfo, Path.Join(_sandbox.Outside, "precious.txt"));
        File.CreateSymbolicLink(Path.Join(first.Library.LocalPath, "01 - One (2010)", ".One (2010).strm.aperture-tmp"), Path.Join(_sandbox.Outside, "precious.txt"));
        var outside = _sandbox.OutsideState();

        var result = await writer.WriteAsync(request);

        Assert.Equal(1, result.Written);
        Assert.Equal(EntryKind.File, LibraryFiles.Inspect(nfo));
        Assert.StartsWith("<?xml", File.ReadAllText(nfo), StringComparison.Ordinal);
        Assert.Equal(outside, _sandbox.OutsideState());
    }

    [Fact]
    public async Task An_ai_movies_folder_replaced_by_a_link_outside_is_never_written_through()
    {
        using var writer = TestWriters.Create(_sandbox);
        var request = new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("One")));
        var first = await writer.WriteAsync(request);
        LibraryFiles.Delete(first.Library.LocalPath);
        Directory.CreateSymbolicLink(first.Library.LocalPath, _sandbox.Outside);
        var outside = _sandbox.OutsideState();

        var result = await writer.WriteAsync(request);

        Assert.Equal(1, result.Written);
        Assert.Equal(EntryKind.Directory, LibraryFiles.Inspect(first.Library.LocalPath));
        Assert.Equal(outside, _sandbox.OutsideState());
    }

    [Fact]
    public async Task A_users_folder_that_is_a_link_is_refused()
    {
        using var writer = TestWriters.Create(_sandbox);
        Directory.CreateDirectory(_sandbox.Root);
        Directory.CreateSymbolicLink(Path.Join(_sandbox.Root, "users"), _sandbox.Outside);
        var outside = _sandbox.OutsideState();

        var error = await Assert.ThrowsAsync<LibraryWriteException>(() => writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("One")))));

        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Equal(outside, _sandbox.OutsideState());
        Assert.Empty(await writer.GetUserLibrariesAsync());
    }

    [Fact]
    public async Task A_user_folder_that_is_a_link_to_a_marked_folder_is_not_Aperture_s()
    {
        using var writer = TestWriters.Create(_sandbox);
        var real = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("One"))));
        var userFolder = Path.GetDirectoryName(real.Library.LocalPath)!;
        var moved = Path.Join(_sandbox.Outside, "Alice_u1");
        Directory.Move(userFolder, moved);
        Directory.CreateSymbolicLink(userFolder, moved);
        var outside = _sandbox.OutsideState();

        Assert.False(await writer.RemoveUserAsync("u1"));
        await Assert.ThrowsAsync<LibraryWriteException>(() => writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", [])));

        Assert.Equal(outside, _sandbox.OutsideState());
    }

    [Fact]
    public async Task Loose_files_beside_the_movie_folders_are_left_alone()
    {
        using var writer = TestWriters.Create(_sandbox);
        var first = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("One"))));
        var note = Path.Join(first.Library.LocalPath, "README.txt");
        File.WriteAllText(note, "hello");

        await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", []));

        Assert.Equal("hello", File.ReadAllText(note));
    }

    public void Dispose() => _sandbox.Dispose();
}
