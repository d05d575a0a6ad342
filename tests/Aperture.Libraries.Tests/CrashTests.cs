namespace Aperture.Libraries.Tests;

public sealed class CrashTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    [Fact]
    public async Task A_rewrite_that_fails_half_way_leaves_the_old_file_whole_and_no_temporary_file()
    {
        var (a, b) = (Movies.Create("Alpha"), Movies.Create("Bravo"));
        LibraryWriteResult first;
        using (var writer = TestWriters.Create(_sandbox))
        {
            first = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(a, b)));
        }

        var folder = Path.Join(first.Library.LocalPath, "01 - Alpha (2010)");
        var nfo = Path.Join(folder, "Alpha (2010).nfo");
        var old = File.ReadAllText(nfo);
        var changed = new LibraryWriteRequest("u1", "Alice", [new(1, a, "A much longer reason that changes the plot of the nfo."), new(2, b)]);
        using var failing = TestWriters.Create(_sandbox, files: new LibraryFiles(stream => new FailingStream(stream, 100, () => new IOException("Simulated crash"))));

        var error = await Assert.ThrowsAsync<LibraryWriteException>(() => failing.WriteAsync(changed));

        Assert.Equal(nfo, error.Path);
        Assert.Contains("Simulated crash", error.Message, StringComparison.Ordinal);
        Assert.Equal(old, File.ReadAllText(nfo));
        Assert.Equal(["Alpha (2010).nfo", "Alpha (2010).strm"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order());

        using var healthy = TestWriters.Create(_sandbox);
        var result = await healthy.WriteAsync(changed);
        Assert.Contains("A much longer reason", File.ReadAllText(nfo), StringComparison.Ordinal);
        Assert.Equal((2, 0), (result.Written, result.Unchanged));
    }

    [Fact]
    public async Task A_new_folder_that_fails_half_way_never_appears_under_its_final_name()
    {
        using var failing = TestWriters.Create(_sandbox, files: new LibraryFiles(stream => new FailingStream(stream, 10, () => new IOException("Simulated crash"))));
        var request = new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("Alpha")));

        // The marker is the first file written, so let it through by writing the user folder once without picks.
        using (var healthy = TestWriters.Create(_sandbox))
        {
            await healthy.WriteAsync(new LibraryWriteRequest("u1", "Alice", []));
        }

        await Assert.ThrowsAsync<LibraryWriteException>(() => failing.WriteAsync(request));

        var movies = Path.Join(_sandbox.Root, "users", "Alice_u1", "ai-movies");
        Assert.Empty(Directory.EnumerateFileSystemEntries(movies));

        using var again = TestWriters.Create(_sandbox);
        var result = await again.WriteAsync(request);
        Assert.Equal(1, result.Written);
        Assert.Equal(["01 - Alpha (2010)"], Directory.EnumerateFileSystemEntries(movies).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_full_disk_is_reported_with_the_path_and_what_to_do()
    {
        using (var healthy = TestWriters.Create(_sandbox))
        {
            await healthy.WriteAsync(new LibraryWriteRequest("u1", "Alice", []));
        }

        using var full = TestWriters.Create(_sandbox, files: new LibraryFiles(stream => new FailingStream(stream, 0, () => new IOException("No space left on device", 28))));

        var error = await Assert.ThrowsAsync<LibraryWriteException>(() => full.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("Alpha")))));

        Assert.Contains("the disk is full", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Free space", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ApertureException>(error);
    }

    [Fact]
    public async Task A_leftover_temporary_file_is_replaced_and_the_final_file_is_complete()
    {
        using var writer = TestWriters.Create(_sandbox);
        var movie = Movies.Create("Alpha");
        var first = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(movie)));
        var folder = Path.Join(first.Library.LocalPath, "01 - Alpha (2010)");
        File.WriteAllText(Path.Join(folder, ".Alpha (2010).nfo.aperture-tmp"), "<movie><title>half");

        await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", [new LibraryEntry(1, movie, "Changed.")]));

        Assert.Equal(["Alpha (2010).nfo", "Alpha (2010).strm"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order());
        Assert.Contains("Changed.", System.Xml.Linq.XDocument.Load(Path.Join(folder, "Alpha (2010).nfo")).Root!.Element("plot")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_part_way_leaves_every_movie_folder_complete()
    {
        using (var healthy = TestWriters.Create(_sandbox))
        {
            await healthy.WriteAsync(new LibraryWriteRequest("u1", "Alice", []));
        }

        using var cancellation = new CancellationTokenSource();
        var writes = 0;
        using var writer = TestWriters.Create(_sandbox, files: new LibraryFiles(stream =>
        {
            if (++writes == 5)
            {
                cancellation.Cancel();
            }

            return stream;
        }));
        var movies = Enumerable.Range(1, 10).Select(i => Movies.Create($"Film {i}")).ToArray();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(movies)), cancellation.Token));

        var folders = Directory.EnumerateDirectories(Path.Join(_sandbox.Root, "users", "Alice_u1", "ai-movies")).ToList();
        Assert.InRange(folders.Count, 1, 9);
        Assert.All(folders, folder =>
        {
            Assert.Equal(2, Directory.EnumerateFiles(folder).Count());
            System.Xml.Linq.XDocument.Load(Directory.EnumerateFiles(folder, "*.nfo").Single());
        });
    }

    [Fact]
    public async Task A_first_write_that_fails_half_way_shows_only_complete_folders_and_leaves_no_temporary_folder()
    {
        var writes = 0;
        using var failing = TestWriters.Create(_sandbox, files: new LibraryFiles(stream => ++writes == 6 ? new FailingStream(stream, 10, () => new IOException("Simulated crash")) : stream));
        var request = new LibraryWriteRequest("u1", "Alice", Movies.Entries([.. Enumerable.Range(1, 5).Select(i => Movies.Create($"Film {i}"))]));

        await Assert.ThrowsAsync<LibraryWriteException>(() => failing.WriteAsync(request));

        // Writes: the marker, then two files per movie; the sixth is the third movie's .strm.
        var user = Path.Join(_sandbox.Root, "users", "Alice_u1");
        Assert.Equal([UserFolderMarker.FileName, "ai-movies"], Directory.EnumerateFileSystemEntries(user).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var movies = Path.Join(user, "ai-movies");
        Assert.Equal(["01 - Film 1 (2010)", "02 - Film 2 (2010)"], Directory.EnumerateFileSystemEntries(movies).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(Directory.EnumerateDirectories(movies), folder => Assert.Equal(2, Directory.EnumerateFiles(folder).Count()));

        using var again = TestWriters.Create(_sandbox);
        var result = await again.WriteAsync(request);
        Assert.Equal((3, 2), (result.Written, result.Unchanged));
        Assert.Equal(5, Directory.EnumerateDirectories(movies).Count());
    }

    [Fact]
    public async Task A_first_write_cancelled_part_way_shows_only_complete_folders()
    {
        using var cancellation = new CancellationTokenSource();
        var writes = 0;
        using var writer = TestWriters.Create(_sandbox, files: new LibraryFiles(stream =>
        {
            if (++writes == 6)
            {
                cancellation.Cancel();
            }

            return stream;
        }));
        var movies = Enumerable.Range(1, 10).Select(i => Movies.Create($"Film {i}")).ToArray();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(movies)), cancellation.Token));

        var user = Path.Join(_sandbox.Root, "users", "Alice_u1");
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(user), entry => Path.GetFileName(entry).StartsWith(LibraryFiles.TempFolderPrefix, StringComparison.Ordinal));
        var folders = Directory.EnumerateDirectories(Path.Join(user, "ai-movies")).ToList();
        Assert.InRange(folders.Count, 1, 9);
        Assert.All(folders, folder => Assert.Equal(2, Directory.EnumerateFiles(folder).Count()));
    }

    [Fact]
    public async Task A_leftover_temporary_library_folder_is_removed_and_the_library_built_in_place()
    {
        var user = Path.Join(_sandbox.Root, "users", "Alice_u1");
        using var writer = TestWriters.Create(_sandbox);
        await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", []));
        Directory.Delete(Path.Join(user, "ai-movies"));
        Directory.CreateDirectory(Path.Join(user, LibraryFiles.TempFolderPrefix + "ai-movies", "01 - Half (2010)"));

        var result = await writer.WriteAsync(new LibraryWriteRequest("u1", "Alice", Movies.Entries(Movies.Create("Alpha"))));

        Assert.Equal(1, result.Written);
        Assert.Equal([UserFolderMarker.FileName, "ai-movies"], Directory.EnumerateFileSystemEntries(user).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["01 - Alpha (2010)"], Directory.EnumerateFileSystemEntries(Path.Join(user, "ai-movies")).Select(Path.GetFileName));
    }

    public void Dispose() => _sandbox.Dispose();
}
