using Aperture.Catalog;
using Aperture.Fixtures;
using Aperture.Jobs.Movies;
using Aperture.MediaServers;
using Aperture.Testing;

namespace Aperture.Jobs.Tests.Movies.Sync;

public sealed class SyncWatchHistoryJobTests
{
    [Theory]
    [InlineData(MediaServerKind.Jellyfin, SyncStore.InMemory)]
    [InlineData(MediaServerKind.Emby, SyncStore.InMemory)]
    [InlineData(MediaServerKind.Jellyfin, SyncStore.Sqlite)]
    public async Task Imports_users_and_their_played_favourite_and_in_progress_movies(MediaServerKind kind, SyncStore store)
    {
        await using var harness = await SyncHarness.StartAsync(kind, store);
        var (movies, alice, _) = await SeedAsync(harness);
        var lastPlayed = harness.Clock.GetUtcNow().AddDays(-2);
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[0].ServerId, Played = true, PlayCount = 3, LastPlayedAt = lastPlayed, UserRating = 9 });
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[1].ServerId, IsFavorite = true });
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[2].ServerId, ResumePosition = TimeSpan.FromMinutes(61), LastPlayedAt = lastPlayed });

        var result = await harness.SyncWatchHistoryAsync();

        Assert.Equal((2, 2, 0, 0, 3, 3), (result["users"], result["succeeded"], result["failed"], result["skipped"], result["states"], result["changed"]));
        Assert.Equal(["alice", "bob"], (await harness.Store.GetUsersAsync()).Select(u => u.User.Name));
        var states = (await harness.Store.GetWatchStatesAsync(alice.Id)).ToDictionary(s => s.MovieId);
        var ids = await MovieIdsAsync(harness);
        Assert.Equal(new WatchState { UserId = alice.Id, MovieId = ids[movies[0].ServerId], Played = true, PlayCount = 3, LastPlayedAt = lastPlayed, UserRating = 9 }, states[ids[movies[0].ServerId]]);
        Assert.True(states[ids[movies[1].ServerId]] is { IsFavorite: true, Played: false });
        Assert.Equal(TimeSpan.FromMinutes(61), states[ids[movies[2].ServerId]].ResumePosition);
        Assert.Equal(2, harness.LastContext!.Progress.ItemsAdvanced);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Regular_reads_only_changes_and_never_deletes_full_clears_what_the_server_no_longer_reports(MediaServerKind kind)
    {
        await using var harness = await SyncHarness.StartAsync(kind);
        var (movies, alice, _) = await SeedAsync(harness);
        var earlier = harness.Clock.GetUtcNow().AddDays(-3);
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[0].ServerId, Played = true, PlayCount = 1, LastPlayedAt = earlier }, earlier);
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[1].ServerId, IsFavorite = true }, earlier);
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[2].ServerId, Played = true, PlayCount = 2, LastPlayedAt = earlier }, earlier);
        await harness.SyncWatchHistoryAsync();
        var ids = await MovieIdsAsync(harness);

        harness.Clock.Advance(TimeSpan.FromHours(2));
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[3].ServerId, Played = true, PlayCount = 1, LastPlayedAt = harness.Clock.GetUtcNow() });
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[4].ServerId, IsFavorite = true });
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[1].ServerId, IsFavorite = false });
        harness.Server.ClearWatchState(alice.Id, movies[2].ServerId);
        var regular = await harness.SyncWatchHistoryAsync();

        Assert.Equal(0, regular["cleared"]);
        var afterRegular = (await harness.Store.GetWatchStatesAsync(alice.Id)).ToDictionary(s => s.MovieId);
        Assert.True(afterRegular[ids[movies[3].ServerId]].Played);
        Assert.True(afterRegular[ids[movies[4].ServerId]].IsFavorite);
        Assert.True(afterRegular[ids[movies[2].ServerId]].Played, "a regular sync never deletes");

        // Emby reports the un-favourite as a change; Jellyfin cannot (see the client's README), so it waits for a full sync.
        Assert.Equal(kind == MediaServerKind.Jellyfin, afterRegular[ids[movies[1].ServerId]].IsFavorite);
        Assert.Equal(kind == MediaServerKind.Emby ? 3 : 2, regular["states"]);

        var full = await harness.SyncWatchHistoryAsync(full: true);

        var afterFull = (await harness.Store.GetWatchStatesAsync(alice.Id)).Select(s => s.MovieId).Order();
        Assert.Equal(new[] { ids[movies[0].ServerId], ids[movies[3].ServerId], ids[movies[4].ServerId] }.Order(), afterFull);
        Assert.Equal(2, full["cleared"]);
    }

    [Fact]
    public async Task The_watermark_advances_on_success_with_an_overlap_and_not_on_failure()
    {
        await using var harness = await SyncHarness.StartAsync();
        var (movies, alice, bob) = await SeedAsync(harness);
        var start = harness.Clock.GetUtcNow();
        harness.Server.SetWatchState(bob.Id, new() { ServerItemId = movies[0].ServerId, Played = true, LastPlayedAt = start.AddDays(-1) });
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[1].ServerId, Played = true, LastPlayedAt = start.AddDays(-1) });

        // alice is synced first (users go by name); her first request fails, bob's succeed.
        harness.Server.InjectFault(EmulatorFault.Status(500).On(EmulatorEndpoint.UserItems));
        var first = await harness.SyncWatchHistoryAsync();

        Assert.Equal((1, 1, 1), (first["succeeded"], first["failed"], first["states"]));
        Assert.Null(await harness.Store.GetWatermarkAsync(SyncWatchHistoryJob.WatermarkKey(alice.Id)));
        Assert.Equal(start - TimeSpan.FromMinutes(5), await harness.Store.GetWatermarkAsync(SyncWatchHistoryJob.WatermarkKey(bob.Id)));
        Assert.Single(await harness.Store.GetWatchStatesAsync(bob.Id));
        Assert.Empty(await harness.Store.GetWatchStatesAsync(alice.Id));

        harness.Clock.Advance(TimeSpan.FromHours(1));
        var second = await harness.SyncWatchHistoryAsync();

        // alice, with no watermark, is read in full (her old play arrives); bob only since his watermark (nothing new).
        Assert.Equal((2, 0, 1), (second["succeeded"], second["failed"], second["states"]));
        Assert.Single(await harness.Store.GetWatchStatesAsync(alice.Id));
        Assert.Equal(start.AddHours(1) - TimeSpan.FromMinutes(5), await harness.Store.GetWatermarkAsync(SyncWatchHistoryJob.WatermarkKey(alice.Id)));
        Assert.Equal(start.AddHours(1) - TimeSpan.FromMinutes(5), await harness.Store.GetWatermarkAsync(SyncWatchHistoryJob.WatermarkKey(bob.Id)));
    }

    [Fact]
    public async Task When_every_user_fails_the_run_fails()
    {
        await using var harness = await SyncHarness.StartAsync();
        await SeedAsync(harness);
        harness.Server.InjectFault(EmulatorFault.Status(503).On(EmulatorEndpoint.UserItems).Always());

        var error = await Assert.ThrowsAsync<ApertureException>(() => harness.SyncWatchHistoryAsync());

        Assert.Contains("all 2 users failed", error.Message, StringComparison.Ordinal);
        Assert.IsType<MediaServerResponseException>(error.InnerException);
    }

    [Fact]
    public async Task Skips_users_disabled_on_the_server_turned_off_in_aperture_or_excluded_by_options()
    {
        await using var harness = await SyncHarness.StartAsync(configure: b => b.AddUserSelection(o => o.Exclude.Add("CAROL")));
        var library = harness.Server.AddLibrary("Movies");
        harness.Server.AddMovies(library.Id, SampleMovies.Many(2));
        await harness.SyncMoviesAsync();
        var alice = harness.Server.AddUser("alice");
        harness.Server.AddUser("bob", isDisabled: true);
        harness.Server.AddUser("carol");
        var dave = harness.Server.AddUser("dave");
        await harness.SyncWatchHistoryAsync();
        await harness.Store.SetUserEnabledAsync(dave.Id, false);
        harness.Server.ClearRequests();

        var result = await harness.SyncWatchHistoryAsync();

        Assert.Equal((1, 3), (result["users"], result["skipped"]));
        Assert.All(harness.Server.Requests.Where(r => r.Endpoint is EmulatorEndpoint.UserItems or EmulatorEndpoint.Resume),
            r => Assert.Equal(alice.Id, r.Query["userId"]));
    }

    [Fact]
    public async Task States_of_another_copy_resolve_by_provider_id_and_unknown_items_are_counted()
    {
        await using var harness = await SyncHarness.StartAsync(configure: b => b.AddSyncMoviesJob(o => o.Libraries.Add("Movies")));
        var library = harness.Server.AddLibrary("Movies");
        var elsewhere = harness.Server.AddLibrary("4K");
        var movies = harness.Server.AddMovies(library.Id, SampleMovies.Many(2));
        var copy = harness.Server.AddMovie(elsewhere.Id, movies[0] with { ServerId = "", Title = "Movie 00001 (4K)" });
        var unknown = harness.Server.AddMovie(elsewhere.Id, SampleMovies.Inception with { Title = "Never synced", ImdbId = null, TmdbId = null });
        await harness.SyncMoviesAsync();
        var alice = harness.Server.AddUser("alice");
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = copy.ServerId, Played = true, PlayCount = 2 });
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = movies[0].ServerId, IsFavorite = true, PlayCount = 1 });
        harness.Server.SetWatchState(alice.Id, new() { ServerItemId = unknown.ServerId, Played = true });

        var result = await harness.SyncWatchHistoryAsync(full: true);

        Assert.Equal(1, result["unmatched"]);
        var state = Assert.Single(await harness.Store.GetWatchStatesAsync(alice.Id));
        Assert.Equal((await MovieIdsAsync(harness))[movies[0].ServerId], state.MovieId);
        Assert.True(state is { Played: true, IsFavorite: true, PlayCount: 2 });
    }

    [Fact]
    public async Task An_unknown_variant_is_refused()
    {
        await using var harness = await SyncHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.RunAsync<SyncWatchHistoryJob>(MovieJobNames.SyncWatchHistory, "fast"));

        Assert.Contains("no variant 'fast'", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(IReadOnlyList<Movie> Movies, MediaUser Alice, MediaUser Bob)> SeedAsync(SyncHarness harness)
    {
        var library = harness.Server.AddLibrary("Movies");
        var movies = harness.Server.AddMovies(library.Id, SampleMovies.Many(5));
        var bob = harness.Server.AddUser("bob");
        var alice = harness.Server.AddUser("alice");
        await harness.SyncMoviesAsync();
        return (movies, alice, bob);
    }

    private static async Task<Dictionary<string, Guid>> MovieIdsAsync(SyncHarness harness) =>
        (await harness.Store.GetMoviesAsync(includeRemoved: true)).ToDictionary(m => m.ServerId, m => m.Id);
}
