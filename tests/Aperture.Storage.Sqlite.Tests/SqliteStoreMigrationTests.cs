using System.Security.Cryptography;
using Aperture.Storage.Contract;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Aperture.Storage.Sqlite;

/// <summary>Older files are upgraded in place; newer ones are refused untouched.</summary>
public sealed class SqliteStoreMigrationTests : IDisposable
{
    private static readonly Guid BladeRunnerId = Guid.Parse("0195a1b2-c3d4-7000-8000-00000000aaaa");
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_version_1_file_is_upgraded_keeping_everything_it_held()
    {
        var path = MakeVersion1File();
        var logs = new FakeLogCollector();
        using var store = SqliteStoreFactory.Create(path, logger: new FakeLogger<SqliteApertureStore>(logs));

        var movie = Assert.Single(await store.GetMoviesAsync());

        Assert.Equal(SqliteSchema.CurrentVersion, SqliteFile.Scalar(path, "PRAGMA user_version;"));
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains($"from schema version 1 to {SqliteSchema.CurrentVersion}", StringComparison.Ordinal));
        Assert.Equal((BladeRunnerId, "Blade Runner", 1982), (movie.Id, movie.Title, movie.Year));
        Assert.Equal(["Science Fiction", "Drama"], movie.Genres);
        Assert.Equal("Rick Deckard", Assert.Single(movie.Actors).Role);
        var user = Assert.Single(await store.GetUsersAsync());
        Assert.False(user.IsEnabled);
        Assert.Equal(["lib-kids"], user.ExcludedLibraryIds);
        Assert.Equal(2, Assert.Single(await store.GetWatchStatesAsync("u1")).PlayCount);
        Assert.NotNull(await store.GetWatermarkAsync("watch-history:u1"));
        Assert.Equal(1, Assert.Single(await store.GetJobRunsAsync()).Counts["added"]);
    }

    [Fact]
    public async Task The_upgrade_computes_the_title_key_of_movies_already_stored()
    {
        using var store = SqliteStoreFactory.Create(MakeVersion1File());

        // Version 1 had no title key: only the migration's backfill lets this match by title and year.
        var result = await store.UpsertMoviesAsync([StoreTestData.Sparse("new-server-id", "BLADE RUNNER") with { Year = 1982 }]);

        Assert.Equal((0, 1), (result.Added, result.Updated));
        Assert.Equal(BladeRunnerId, result.Movies[0].Id);
    }

    [Fact]
    public async Task A_file_from_a_newer_version_is_refused_naming_the_file_and_both_versions_and_left_untouched()
    {
        var path = _folder.File("aperture.db");
        using (var store = SqliteStoreFactory.Create(path))
        {
            await store.UpsertMoviesAsync([StoreTestData.Movie("a1")]);
        }

        var newer = SqliteSchema.CurrentVersion + 1;
        SqliteFile.Execute(path, $"PRAGMA user_version = {newer};");
        var before = Hash(path);
        using var older = SqliteStoreFactory.Create(path);

        var error = await Assert.ThrowsAsync<StoreException>(() => older.GetMoviesAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {SqliteSchema.CurrentVersion}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash(path));
        Assert.Equal(1, SqliteFile.Scalar(path, "SELECT count(*) FROM movies;"));
    }

    private string MakeVersion1File()
    {
        var path = _folder.File("aperture-v1.db");
        SqliteFile.Execute(path, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-v1.sql")));
        return path;
    }

    internal static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public void Dispose() => _folder.Dispose();
}
