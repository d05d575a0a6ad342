using Aperture.Catalog;
using Aperture.Fixtures;
using Aperture.Jobs.Movies;
using Aperture.MediaServers;
using Aperture.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture.Jobs.Tests.Movies.Sync;

public sealed class SyncMoviesJobTests
{
    [Theory]
    [InlineData(MediaServerKind.Jellyfin, SyncStore.InMemory)]
    [InlineData(MediaServerKind.Emby, SyncStore.InMemory)]
    [InlineData(MediaServerKind.Jellyfin, SyncStore.Sqlite)]
    [InlineData(MediaServerKind.Emby, SyncStore.Sqlite)]
    public async Task Adds_updates_marks_removed_and_unmarks_returning_movies(MediaServerKind kind, SyncStore store)
    {
        await using var harness = await SyncHarness.StartAsync(kind, store);
        var movies = harness.Server.AddLibrary("Movies");
        var seeded = harness.Server.AddMovies(movies.Id, SampleMovies.Many(25));

        var first = await harness.SyncMoviesAsync();

        Assert.Equal((25, 25, 0, 0, 0), Counts(first));
        Assert.Equal(2, harness.LastContext!.Progress.Steps.Count);
        Assert.Equal(25, harness.LastContext.Progress.ItemsAdvanced);
        var stored = await harness.Store.GetMoviesAsync();
        Assert.Equal(25, stored.Count);
        var inception = stored.Single(m => m.ServerId == seeded[0].ServerId);
        Assert.Equal((seeded[0].Title, 148, movies.Id), (inception.Title, inception.RuntimeMinutes, inception.LibraryId));
        Assert.Equal(["Leonardo DiCaprio", "Elliot Page"], inception.Actors.Select(a => a.Name));

        Assert.Equal((25, 0, 0, 25, 0), Counts(await harness.SyncMoviesAsync()));

        harness.Server.UpdateMovie(seeded[1] with { Overview = "Recut." });
        harness.Server.RemoveMovie(seeded[2].ServerId);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        var third = await harness.SyncMoviesAsync();

        Assert.Equal((24, 0, 1, 23, 1), Counts(third));
        var removed = (await harness.Store.GetMoviesAsync(includeRemoved: true)).Single(m => m.ServerId == seeded[2].ServerId);
        Assert.Equal(harness.Clock.GetUtcNow(), removed.RemovedAt);
        Assert.Equal(24, (await harness.Store.GetMoviesAsync()).Count);
        Assert.Equal("Recut.", (await harness.Store.GetMoviesAsync()).Single(m => m.ServerId == seeded[1].ServerId).Overview);

        harness.Server.AddMovie(movies.Id, seeded[2]);
        var fourth = await harness.SyncMoviesAsync();

        Assert.Equal((25, 0, 1, 24, 0), Counts(fourth));
        var back = (await harness.Store.GetMoviesAsync()).Single(m => m.ServerId == seeded[2].ServerId);
        Assert.Equal(removed.Id, back.Id);
        Assert.True(back.IsActive);
    }

    [Fact]
    public async Task A_movie_whose_server_id_changed_is_updated_not_duplicated()
    {
        await using var harness = await SyncHarness.StartAsync();
        var library = harness.Server.AddLibrary("Movies");
        var seeded = harness.Server.AddMovies(library.Id, SampleMovies.Many(3));
        await harness.SyncMoviesAsync();
        var before = (await harness.Store.GetMoviesAsync()).Single(m => m.ServerId == seeded[0].ServerId);

        harness.Server.RemoveMovie(seeded[0].ServerId);
        var readded = harness.Server.AddMovie(library.Id, seeded[0] with { ServerId = "" });
        var result = await harness.SyncMoviesAsync();

        Assert.Equal((3, 0, 1, 2, 0), Counts(result));
        var all = await harness.Store.GetMoviesAsync(includeRemoved: true);
        Assert.Equal(3, all.Count);
        var after = all.Single(m => m.Id == before.Id);
        Assert.Equal(readded.ServerId, after.ServerId);
        Assert.True(after.IsActive);
    }

    [Fact]
    public async Task Imports_every_movie_library_but_not_other_kinds_nor_aperture_output_libraries()
    {
        await using var harness = await SyncHarness.StartAsync(MediaServerKind.Emby);
        var movies = harness.Server.AddLibrary("Movies");
        var kids = harness.Server.AddLibrary("Kids");
        var shows = harness.Server.AddLibrary("Shows", "tvshows");
        var picks = harness.Server.AddLibrary("Alice's AI Picks - Movies");
        harness.Server.AddMovies(movies.Id, SampleMovies.Many(3, "Adult"));
        harness.Server.AddMovies(kids.Id, SampleMovies.Many(2, "Kid"));
        harness.Server.AddMovies(shows.Id, SampleMovies.Many(4, "Show"));
        harness.Server.AddMovies(picks.Id, SampleMovies.Many(5, "Pick"));

        var result = await harness.SyncMoviesAsync();

        Assert.Equal(2, result["libraries"]);
        Assert.Equal(["Adult", "Kid"], (await harness.Store.GetMoviesAsync()).Select(m => m.Title.Split(' ')[0]).Distinct().Order());
        Assert.Equal(4, (await harness.Store.GetLibrariesAsync()).Count);
    }

    [Fact]
    public async Task Options_choose_and_exclude_libraries_by_name_or_id()
    {
        string? kidsId = null;
        await using var harness = await SyncHarness.StartAsync(configure: b => b.AddSyncMoviesJob(o =>
        {
            o.Libraries.AddRange(["movies", "Shows", kidsId!]);
            o.ExcludedLibraries.Add("SHOWS");
        }));
        var movies = harness.Server.AddLibrary("Movies");
        var kids = harness.Server.AddLibrary("Kids");
        kidsId = kids.Id;
        var shows = harness.Server.AddLibrary("Shows", "tvshows");
        harness.Server.AddLibrary("Other");
        harness.Server.AddMovies(movies.Id, SampleMovies.Many(1, "Adult"));
        harness.Server.AddMovies(kids.Id, SampleMovies.Many(1, "Kid"));
        harness.Server.AddMovies(shows.Id, SampleMovies.Many(1, "Show"));

        var result = await harness.SyncMoviesAsync();

        Assert.Equal(2, result["libraries"]);
        Assert.Equal(["Adult 00001", "Kid 00001"], (await harness.Store.GetMoviesAsync()).Select(m => m.Title).Order());
    }

    [Fact]
    public async Task A_configured_library_the_server_lacks_fails_the_run_naming_it()
    {
        await using var harness = await SyncHarness.StartAsync(configure: b => b.AddSyncMoviesJob(o => o.Libraries.Add("Films")));
        harness.Server.AddLibrary("Movies");

        var error = await Assert.ThrowsAsync<ApertureException>(() => harness.SyncMoviesAsync());

        Assert.Contains("Aperture:Jobs:SyncMovies:Libraries names libraries the media server does not have: Films", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, EmulatorFault> MidListingFaults => new()
    {
        { "5xx", EmulatorFault.Status(500).On(EmulatorEndpoint.Movies, page: 2).Always() },
        { "429", EmulatorFault.TooManyRequests(TimeSpan.Zero).On(EmulatorEndpoint.Movies, page: 2).Always() },
        { "malformed JSON", EmulatorFault.MalformedJson().On(EmulatorEndpoint.Movies, page: 2) },
        { "truncated body", EmulatorFault.TruncatedBody().On(EmulatorEndpoint.Movies, page: 2) },
        { "dropped connection", EmulatorFault.Disconnect().On(EmulatorEndpoint.Movies, page: 2).Always() },
        { "catalogue changed", EmulatorFault.ChangeCatalog(s => s.AddMovies(s.Libraries[0].Id, SampleMovies.Many(1, "Late"))).On(EmulatorEndpoint.Movies, page: 1) },
    };

    [Theory]
    [MemberData(nameof(MidListingFaults))]
    public async Task A_fault_mid_listing_marks_nothing_removed_and_fails_the_run(string fault, EmulatorFault injected)
    {
        await using var harness = await SyncHarness.StartAsync();
        var library = harness.Server.AddLibrary("Movies");
        var other = harness.Server.AddLibrary("Classics");
        var seeded = harness.Server.AddMovies(library.Id, SampleMovies.Many(60));
        var classics = harness.Server.AddMovies(other.Id, SampleMovies.Many(5, "Classic"));
        await harness.SyncMoviesAsync();
        foreach (var movie in seeded.Take(5).Concat(classics.Take(1)))
        {
            harness.Server.RemoveMovie(movie.ServerId);
        }

        harness.Server.InjectFault(injected);
        var error = await Assert.ThrowsAsync<ApertureException>(() => harness.SyncMoviesAsync());

        Assert.Contains("1 of 2 libraries could not be read completely", error.Message, StringComparison.Ordinal);
        Assert.Contains("Movies:", error.Message, StringComparison.Ordinal);
        var removed = (await harness.Store.GetMoviesAsync(includeRemoved: true)).Where(m => !m.IsActive).ToList();
        Assert.True(removed.Count == 1, $"{fault}: only the other library's removed movie may be marked, but {removed.Count} were");
        Assert.Equal(classics[0].ServerId, removed[0].ServerId);
    }

    [Fact]
    public async Task A_movie_the_listing_skipped_is_not_marked_removed_while_the_server_still_has_it()
    {
        await using var harness = await SyncHarness.StartAsync(configure: b => b.Services.Configure<MediaServerOptions>(o => o.MaxConcurrentPages = 1));
        var library = harness.Server.AddLibrary("Movies");
        var seeded = harness.Server.AddMovies(library.Id, SampleMovies.Many(30));
        await harness.SyncMoviesAsync();

        // After page 1 is read, its first movie is deleted and a new one added at the end: the total stays 30, every
        // later movie shifts up one place, and the first movie of page 2 is never listed.
        harness.Server.InjectFault(EmulatorFault.ChangeCatalog(s =>
        {
            s.RemoveMovie(seeded[0].ServerId);
            s.AddMovies(library.Id, SampleMovies.Many(1, "Zulu"));
        }).On(EmulatorEndpoint.Movies, page: 0));
        var result = await harness.SyncMoviesAsync();

        // Movie 00011 was never listed, but the server confirms it exists: kept. (Movie 00001 was listed before it
        // went, so this run saw it; the next run marks it.)
        Assert.Equal(0, result["removed"]);
        Assert.True((await harness.Store.GetMoviesAsync()).Single(m => m.ServerId == seeded[10].ServerId).IsActive);
        Assert.Equal(1, (await harness.SyncMoviesAsync())["removed"]);
        var all = await harness.Store.GetMoviesAsync(includeRemoved: true);
        Assert.False(all.Single(m => m.ServerId == seeded[0].ServerId).IsActive);
        Assert.True(all.Single(m => m.ServerId == seeded[10].ServerId).IsActive);
        Assert.Contains(harness.Server.Requests, r => r.Query.ContainsKey("ids"));
    }

    [Fact]
    public async Task Movies_of_a_library_the_server_no_longer_has_are_marked_removed_unless_they_moved()
    {
        await using var harness = await SyncHarness.StartAsync(MediaServerKind.Emby);
        var library = harness.Server.AddLibrary("Movies");
        var old = harness.Server.AddLibrary("Old");
        harness.Server.AddMovies(library.Id, SampleMovies.Many(2));
        var oldMovies = harness.Server.AddMovies(old.Id, SampleMovies.Many(3, "Old"));
        await harness.SyncMoviesAsync();

        harness.Server.RemoveLibrary(old.Id);
        var moved = harness.Server.AddMovie(library.Id, oldMovies[0]);
        var result = await harness.SyncMoviesAsync();

        Assert.Equal(2, result["removed"]);
        var all = await harness.Store.GetMoviesAsync(includeRemoved: true);
        Assert.Equal(2, all.Count(m => !m.IsActive));
        Assert.Equal(library.Id, all.Single(m => m.ServerId == moved.ServerId).LibraryId);
    }

    [Fact]
    public async Task A_rejected_key_fails_the_run_at_once()
    {
        await using var harness = await SyncHarness.StartAsync();
        harness.Server.AddLibrary("Movies");
        harness.Server.InjectFault(EmulatorFault.Unauthorized().Always());

        await Assert.ThrowsAsync<MediaServerAuthenticationException>(() => harness.SyncMoviesAsync());

        Assert.Single(harness.Server.Requests);
    }

    private static (long Movies, long Added, long Updated, long Unchanged, long Removed) Counts(JobResult result) =>
        (result["movies"], result["added"], result["updated"], result["unchanged"], result["removed"]);
}
