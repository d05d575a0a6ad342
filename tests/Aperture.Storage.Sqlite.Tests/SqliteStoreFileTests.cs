using Aperture.Storage.Contract;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Aperture.Storage.Sqlite;

/// <summary>The file itself: creation, reopening, the format of what is written.</summary>
public sealed class SqliteStoreFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Nothing_is_created_before_first_use_then_a_new_file_is_made_at_the_current_version_in_WAL_mode()
    {
        var path = _folder.File(Path.Combine("missing", "folder", "aperture.db"));
        var logs = new FakeLogCollector();
        using var store = SqliteStoreFactory.Create(path, logger: new FakeLogger<SqliteApertureStore>(logs));
        Assert.False(File.Exists(path));

        Assert.Empty(await store.GetMoviesAsync());

        Assert.True(File.Exists(path));
        Assert.Equal(SqliteSchema.CurrentVersion, SqliteFile.Scalar(path, "PRAGMA user_version;"));
        Assert.Equal(SqliteSchema.ApplicationId, SqliteFile.Scalar(path, "PRAGMA application_id;"));
        Assert.Equal("wal", SqliteFile.Text(path, "PRAGMA journal_mode;"));
        var created = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Information);
        Assert.Contains(path, created.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_one_store_wrote_another_reads_after_reopening()
    {
        var path = _folder.File("aperture.db");
        Guid id;
        using (var first = SqliteStoreFactory.Create(path))
        {
            id = (await first.UpsertMoviesAsync([StoreTestData.Movie("a1")])).Movies[0].Id;
            await first.SetWatermarkAsync("k", StoreTestData.Now);
        }

        using var second = SqliteStoreFactory.Create(path);

        Assert.Equal(id, Assert.Single(await second.GetMoviesAsync()).Id);
        Assert.Equal(StoreTestData.Now, await second.GetWatermarkAsync("k"));
    }

    [Fact]
    public async Task Vectors_are_stored_as_float32_little_endian_blobs_with_model_dimensions_and_hash()
    {
        var path = _folder.File("aperture.db");
        using var store = SqliteStoreFactory.Create(path);
        var model = StoreTestData.Model(3);

        await store.UpsertVectorsAsync([new Embeddings.MovieVector(Guid.NewGuid(), model, "abc", new[] { 1f, -2.5f, 0.1f })]);

        Assert.Equal("3f800000c0200000" + "3dcccccd", ReverseWords(SqliteFile.Text(path, "SELECT lower(hex(vector)) FROM vectors;")));
        Assert.Equal(3, SqliteFile.Scalar(path, "SELECT dimensions FROM vectors;"));
        Assert.Equal("abc", SqliteFile.Text(path, "SELECT text_hash FROM vectors;"));
        Assert.Equal(model.Key, SqliteFile.Text(path, "SELECT model_key FROM vectors;"));

        // Little-endian on disk: each 4-byte word reversed reads as the big-endian IEEE 754 bits above.
        static string ReverseWords(string hex) => string.Concat(hex.Chunk(8).Select(w => string.Concat(w.Chunk(2).Reverse().Select(b => new string(b)))));
    }

    [Fact]
    public async Task Many_first_calls_at_once_initialise_the_file_once()
    {
        var path = _folder.File("aperture.db");
        var logs = new FakeLogCollector();
        using var store = SqliteStoreFactory.Create(path, logger: new FakeLogger<SqliteApertureStore>(logs));

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => store.SetWatermarkAsync($"k{i}", StoreTestData.Now))));

        Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Information);
        Assert.Equal(16, SqliteFile.Scalar(path, "SELECT count(*) FROM sync_state;"));
    }

    public void Dispose() => _folder.Dispose();
}
