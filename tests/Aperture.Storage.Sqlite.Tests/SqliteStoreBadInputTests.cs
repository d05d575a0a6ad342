using Aperture.Storage.Contract;

namespace Aperture.Storage.Sqlite;

/// <summary>Files and folders the store cannot use: each fails with a <see cref="StoreException"/> naming the file, and nothing stored is lost.</summary>
public sealed class SqliteStoreBadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_text_file_is_refused_and_left_untouched()
    {
        var path = _folder.File("notes.db");
        const string text = "These are my notes, not a database.\n";
        await File.WriteAllTextAsync(path, text);
        using var store = SqliteStoreFactory.Create(path);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.GetMoviesAsync());
        var again = await Assert.ThrowsAsync<StoreException>(() => store.UpsertMoviesAsync([StoreTestData.Movie("a1")]));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, again.Message, StringComparison.Ordinal);
        Assert.Equal(text, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_store_file_with_a_damaged_header_is_refused_and_left_untouched()
    {
        var path = _folder.File("aperture.db");
        using (var store = SqliteStoreFactory.Create(path))
        {
            await store.UpsertMoviesAsync([StoreTestData.Movie("a1")]);
        }

        await using (var file = File.OpenWrite(path))
        {
            file.Write(new byte[16]);
        }

        var before = SqliteStoreMigrationTests.Hash(path);
        using var reopened = SqliteStoreFactory.Create(path);

        var error = await Assert.ThrowsAsync<StoreException>(() => reopened.GetMoviesAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, SqliteStoreMigrationTests.Hash(path));
    }

    [Fact]
    public async Task A_sqlite_database_of_another_application_is_refused_and_left_untouched()
    {
        var path = _folder.File("other.db");
        SqliteFile.Execute(path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');");
        using var store = SqliteStoreFactory.Create(path);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.GetMoviesAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("another application", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, SqliteFile.Scalar(path, "PRAGMA user_version;"));
        Assert.Equal("soup", SqliteFile.Text(path, "SELECT name FROM recipes;"));
    }

    [Fact]
    public async Task A_path_whose_folder_is_a_regular_file_is_refused()
    {
        // Root ignores permission bits, but no one can make a folder inside a regular file.
        var blocker = _folder.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        var path = Path.Combine(blocker, "aperture.db");
        using var store = SqliteStoreFactory.Create(path);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.SetWatermarkAsync("k", StoreTestData.Now));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("x", await File.ReadAllTextAsync(blocker));
    }

    [Fact]
    public async Task A_path_that_is_a_folder_is_refused()
    {
        var path = Directory.CreateDirectory(_folder.File("a-folder.db")).FullName;
        using var store = SqliteStoreFactory.Create(path);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.GetMoviesAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_that_waits_past_the_busy_timeout_fails_naming_the_file_and_loses_nothing()
    {
        var path = _folder.File("aperture.db");
        using var store = SqliteStoreFactory.Create(path, busyTimeout: TimeSpan.FromMilliseconds(50));
        await store.UpsertMoviesAsync([StoreTestData.Movie("a1")]);

        StoreException error;
        using (var holder = SqliteFile.Open(path))
        {
            using var transaction = holder.BeginTransaction(deferred: false);
            error = await Assert.ThrowsAsync<StoreException>(() => store.UpsertMoviesAsync([StoreTestData.Movie("b2")]));

            // Readers are not blocked by a writer in WAL mode.
            Assert.Single(await store.GetMoviesAsync());
        }

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("locked", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await store.UpsertMoviesAsync([StoreTestData.Movie("b2")])).Added);
        Assert.Equal(["a1", "b2"], (await store.GetMoviesAsync()).Select(m => m.ServerId).Order());
    }

    [Fact]
    public async Task Two_stores_writing_one_file_at_once_lose_nothing_and_leave_it_intact()
    {
        var path = _folder.File("aperture.db");
        using var first = SqliteStoreFactory.Create(path);
        using var second = SqliteStoreFactory.Create(path);

        async Task WriteAsync(IApertureStore store, string prefix)
        {
            for (var batch = 0; batch < 10; batch++)
            {
                await store.UpsertMoviesAsync([.. Enumerable.Range(0, 20).Select(i => StoreTestData.Sparse($"{prefix}-{batch}-{i}", $"{prefix} {batch} {i}"))]);
                await store.SetWatermarkAsync($"{prefix}-{batch}", StoreTestData.Now);
            }
        }

        await Task.WhenAll(Task.Run(() => WriteAsync(first, "one")), Task.Run(() => WriteAsync(second, "two")));

        Assert.Equal(400, (await first.GetMoviesAsync()).Count);
        Assert.Equal(400, (await second.GetMoviesAsync()).Count);
        Assert.Equal(20, SqliteFile.Scalar(path, "SELECT count(*) FROM sync_state;"));
        Assert.Equal("ok", SqliteFile.Text(path, "PRAGMA integrity_check;"));
    }

    public void Dispose() => _folder.Dispose();
}
