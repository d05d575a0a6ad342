using System.Text.Json;
using System.Text.RegularExpressions;
using Aperture.Catalog;
using Aperture.Fixtures;
using Aperture.Testing;

namespace Aperture.MediaServers.Tests;

/// <summary>Every client call, in both dialects, against the emulator.</summary>
public sealed class MediaServerClientTests
{
    [Theory]
    [InlineData(MediaServerKind.Jellyfin, "10.11.11")]
    [InlineData(MediaServerKind.Emby, "4.8.11.0")]
    public async Task Server_info_names_the_server_kind_and_version(MediaServerKind kind, string version)
    {
        await using var harness = await ClientHarness.StartAsync(kind);

        var info = await harness.Client.GetServerInfoAsync();

        Assert.Equal(new MediaServerInfo(harness.Server.ServerId, "Aperture Emulator", kind, version), info);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Sends_the_dialects_authentication_headers(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);

        await harness.Client.GetServerInfoAsync();

        var headers = harness.Server.Requests.Single().Headers;
        if (kind == MediaServerKind.Jellyfin)
        {
            Assert.Matches($"^MediaBrowser Client=\"Aperture\", Device=\"Aperture.Core\", DeviceId=\"aperture-core\", Version=\"[^\"]+\", Token=\"{harness.Server.ApiKey}\"$", headers["Authorization"]);
            Assert.False(headers.ContainsKey("X-Emby-Token"));
        }
        else
        {
            Assert.Equal(harness.Server.ApiKey, headers["X-Emby-Token"]);
            Assert.StartsWith("MediaBrowser Client=\"Aperture\"", headers["X-Emby-Authorization"], StringComparison.Ordinal);
            Assert.DoesNotContain(harness.Server.ApiKey, headers["X-Emby-Authorization"], StringComparison.Ordinal);
        }

        Assert.All(harness.Server.Requests, r => Assert.DoesNotContain(harness.Server.ApiKey, r.Path + string.Join("&", r.Query), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Emby_works_with_the_emby_path_prefix_in_the_base_url()
    {
        await using var harness = await ClientHarness.StartAsync(MediaServerKind.Emby, basePath: "emby");
        harness.Server.AddLibrary("Movies");

        var libraries = await harness.Client.GetLibrariesAsync();

        Assert.Single(libraries);
        Assert.All(harness.Server.Requests, r => Assert.StartsWith("/emby/", r.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin, "^[0-9a-f]{32}$")]
    [InlineData(MediaServerKind.Emby, "^[0-9]+$")]
    public async Task Lists_libraries_with_ids_types_and_folders(MediaServerKind kind, string idPattern)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        var movies = harness.Server.AddLibrary("Movies", "movies", ["/media/movies", "/media/more-movies"]);
        var shows = harness.Server.AddLibrary("Shows", "tvshows");
        var mixed = harness.Server.AddLibrary("Home videos", collectionType: null);

        var libraries = await harness.Client.GetLibrariesAsync();

        Assert.Equal([movies.Id, shows.Id, mixed.Id], libraries.Select(l => l.Id));
        Assert.All(libraries, l => Assert.Matches(idPattern, l.Id));
        Assert.Equal(["movies", "tvshows", null], libraries.Select(l => l.CollectionType));
        Assert.Equal(["/media/movies", "/media/more-movies"], libraries[0].Locations);
        Assert.Equal([true, false, false], libraries.Select(l => l.IsMovieLibrary));
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Lists_users_with_server_disabled_accounts_marked(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        var movies = harness.Server.AddLibrary("Movies");
        var admin = harness.Server.AddUser("admin", isAdministrator: true);
        var gone = harness.Server.AddUser("gone", isDisabled: true);
        var kid = harness.Server.AddUser(new MediaUser { Id = "", Name = "kid", MaxParentalRating = 7, HasAccessToAllLibraries = false, LibraryIds = [movies.Id] });

        var users = await harness.Client.GetUsersAsync();

        Assert.Equal([admin.Id, gone.Id, kid.Id], users.Select(u => u.Id));
        Assert.All(users, u => Assert.Matches("^[0-9a-f]{32}$", u.Id));
        Assert.Equal([false, true, false], users.Select(u => u.IsDisabled));
        Assert.Equal([true, false, false], users.Select(u => u.IsAdministrator));
        Assert.Equal(7, users[2].MaxParentalRating);
        Assert.False(users[2].HasAccessToAllLibraries);
        Assert.Equal([movies.Id], users[2].LibraryIds);
        Assert.True(users[0].HasAccessToAllLibraries);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Maps_every_field_of_a_movie(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        var library = harness.Server.AddLibrary("Movies");
        var seeded = harness.Server.AddMovie(library.Id, SampleMovies.Inception);

        var movie = Assert.Single(await harness.Client.GetMoviesAsync(library.Id).ToListAsync());

        var baseUrl = harness.Server.BaseUrl;
        MovieAssert.Equal(
            seeded with
            {
                PosterUrl = movie.PosterUrl,
                BackdropUrl = movie.BackdropUrl,
            },
            movie);
        Assert.Equal(Guid.Empty, movie.Id);
        Assert.Equal(148, movie.RuntimeMinutes);
        Assert.Equal(new VideoStreamInfo("hevc", 3840, 2160), movie.Video);
        Assert.Equal(new AudioStreamInfo("eac3", 6, "eng"), movie.Audio);
        Assert.Matches(new Regex($"^{Regex.Escape(baseUrl.ToString())}Items/{seeded.ServerId}/Images/Primary\\?tag=[0-9a-f]{{32}}$"), movie.PosterUrl!.ToString());
        Assert.Matches(new Regex($"^{Regex.Escape(baseUrl.ToString())}Items/{seeded.ServerId}/Images/Backdrop\\?tag=[0-9a-f]{{32}}$"), movie.BackdropUrl!.ToString());
        var request = harness.Server.Requests.Single(r => r.Endpoint == EmulatorEndpoint.Movies);
        Assert.Equal("Movie", request.Query["IncludeItemTypes"]);
        Assert.Equal(library.Id, request.Query["ParentId"]);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task A_sparse_movie_maps_to_nulls_and_empty_lists(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        var library = harness.Server.AddLibrary("Movies");
        var seeded = harness.Server.AddMovie(library.Id, new Movie { ServerId = "", Title = "Untitled" });

        var movie = Assert.Single(await harness.Client.GetMoviesAsync(library.Id).ToListAsync());

        MovieAssert.Equal(seeded with { SortTitle = "Untitled" }, movie);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Lists_only_the_movies_of_the_library_asked_for(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        var a = harness.Server.AddLibrary("A");
        var b = harness.Server.AddLibrary("B");
        harness.Server.AddMovies(a.Id, SampleMovies.Many(3, "A"));
        harness.Server.AddMovies(b.Id, SampleMovies.Many(2, "B"));

        var movies = await harness.Client.GetMoviesAsync(b.Id).ToListAsync();

        Assert.Equal(["B 00001", "B 00002"], movies.Select(m => m.Title));
        Assert.All(movies, m => Assert.Equal(b.Id, m.LibraryId));
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Reads_all_watch_states_merging_played_favourites_and_resume(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind, o => o.PageSize = 2);
        var library = harness.Server.AddLibrary("Movies");
        var m = harness.Server.AddMovies(library.Id, SampleMovies.Many(6));
        var user = harness.Server.AddUser("alice");
        var lastPlayed = new DateTimeOffset(2026, 10, 30, 21, 14, 5, TimeSpan.Zero).AddTicks(1234567);
        harness.Server.SetWatchState(user.Id, new() { ServerItemId = m[0].ServerId, Played = true, PlayCount = 2, LastPlayedAt = lastPlayed, UserRating = 8 });
        harness.Server.SetWatchState(user.Id, new() { ServerItemId = m[1].ServerId, Played = true, PlayCount = 1, IsFavorite = true });
        harness.Server.SetWatchState(user.Id, new() { ServerItemId = m[2].ServerId, IsFavorite = true });
        harness.Server.SetWatchState(user.Id, new() { ServerItemId = m[3].ServerId, ResumePosition = TimeSpan.FromMinutes(42), LastPlayedAt = lastPlayed });
        harness.Server.SetWatchState(user.Id, new() { ServerItemId = m[4].ServerId, PlayCount = 0 });

        var states = (await harness.Client.GetWatchStatesAsync(user.Id, changedSince: null)).ToDictionary(s => s.ServerItemId);

        Assert.Equal(4, states.Count);
        var first = states[m[0].ServerId];
        Assert.True(first.Played);
        Assert.Equal(2, first.PlayCount);
        Assert.Equal(lastPlayed, first.LastPlayedAt);
        Assert.Equal(8, first.UserRating);
        Assert.Equal(m[0].ImdbId, first.ImdbId);
        Assert.Equal(m[0].TmdbId, first.TmdbId);
        Assert.Equal(TimeSpan.FromMinutes(148), first.Runtime);
        Assert.True(states[m[1].ServerId] is { Played: true, IsFavorite: true, PlayCount: 1 });
        Assert.True(states[m[2].ServerId] is { Played: false, IsFavorite: true });
        Assert.Equal(TimeSpan.FromMinutes(42), states[m[3].ServerId].ResumePosition);
        Assert.False(states.ContainsKey(m[4].ServerId));
        Assert.Contains(harness.Server.Requests, r => r.Endpoint == EmulatorEndpoint.Resume);
        Assert.DoesNotContain(harness.Server.Requests, r => r.StatusCode != 200);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Reads_what_changed_since_a_time(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind, o => o.PageSize = 2);
        var library = harness.Server.AddLibrary("Movies");
        var m = harness.Server.AddMovies(library.Id, SampleMovies.Many(8));
        var user = harness.Server.AddUser("bob");
        var since = new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero);
        var before = since.AddDays(-1);
        for (var i = 0; i < 4; i++)
        {
            // Four plays before the cut-off: the played listing (most recent first) stops at the first of them.
            harness.Server.SetWatchState(user.Id, new() { ServerItemId = m[i].ServerId, Played = true, PlayCount = 1, LastPlayedAt = before.AddMinutes(i) }, savedAt: before);
        }

        harness.Server.SetWatchState(user.Id, new() { ServerItemId = m[4].ServerId, Played = true, PlayCount = 1, LastPlayedAt = since.AddMinutes(5) }, savedAt: since.AddMinutes(5));
        harness.Server.SetWatchState(user.Id, new() { ServerItemId = m[5].ServerId, IsFavorite = true }, savedAt: before);
        harness.Server.SetWatchState(user.Id, new() { ServerItemId = m[6].ServerId, ResumePosition = TimeSpan.FromMinutes(9) }, savedAt: since.AddMinutes(7));
        harness.Server.SetWatchState(user.Id, new() { ServerItemId = m[7].ServerId, Played = false }, savedAt: since.AddMinutes(9));

        var states = await harness.Client.GetWatchStatesAsync(user.Id, since);

        var expected = new[] { m[4], m[5], m[6] }.Concat(kind == MediaServerKind.Emby ? [m[7]] : []).Select(x => x.ServerId).Order();
        Assert.Equal(expected, states.Select(s => s.ServerItemId).Order());
        var played = harness.Server.Requests.Where(r => r.Endpoint == EmulatorEndpoint.UserItems && r.Query.GetValueOrDefault("SortBy") == "DatePlayed").ToList();
        Assert.All(played, r => Assert.Equal("Descending", r.Query["SortOrder"]));
        Assert.Equal(kind == MediaServerKind.Emby, harness.Server.Requests.Any(r => r.Query.ContainsKey("MinDateLastSavedForUser")));
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Ensures_a_movie_library_creating_it_once_then_adding_paths(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);

        var created = await harness.Client.EnsureMovieLibraryAsync("Alice's AI Picks - Movies", "/data/ai/alice, the first");
        var again = await harness.Client.EnsureMovieLibraryAsync("alice's ai picks - movies", "/data/ai/alice, the first/");
        var widened = await harness.Client.EnsureMovieLibraryAsync("Alice's AI Picks - Movies", "/data/ai/alice2");

        Assert.Equal("movies", created.CollectionType);
        Assert.Equal(["/data/ai/alice, the first"], created.Locations);
        Assert.Equal(created, again with { Locations = created.Locations });
        Assert.Equal(["/data/ai/alice, the first", "/data/ai/alice2"], widened.Locations);
        var library = Assert.Single(harness.Server.Libraries);
        Assert.Equal(created.Id, library.Id);
        Assert.Equal("movies", library.CollectionType);
        Assert.Equal(["/data/ai/alice, the first", "/data/ai/alice2"], library.Locations);
        Assert.Equal(1, harness.Server.Requests.Count(r => r.Endpoint == EmulatorEndpoint.CreateLibrary));
        Assert.Equal(1, harness.Server.Requests.Count(r => r.Endpoint == EmulatorEndpoint.AddLibraryPath));
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Refuses_to_reuse_a_library_of_another_type(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        harness.Server.AddLibrary("Picks", "tvshows");

        var error = await Assert.ThrowsAsync<MediaServerException>(() => harness.Client.EnsureMovieLibraryAsync("Picks", "/data/ai"));

        Assert.Contains("'Picks' of type 'tvshows'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Server.Requests, r => r.Endpoint is EmulatorEndpoint.CreateLibrary or EmulatorEndpoint.AddLibraryPath);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Grants_access_keeping_the_users_other_access_and_policy(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        var movies = harness.Server.AddLibrary("Movies");
        var picks = harness.Server.AddLibrary("Carol's AI Picks - Movies");
        var carol = harness.Server.AddUser(new MediaUser { Id = "", Name = "carol", MaxParentalRating = 9, HasAccessToAllLibraries = false, LibraryIds = [movies.Id] });

        await harness.Client.GrantLibraryAccessAsync(carol.Id, picks.Id);
        await harness.Client.GrantLibraryAccessAsync(carol.Id, picks.Id);

        var user = harness.Server.GetUser(carol.Id);
        Assert.False(user.HasAccessToAllLibraries);
        Assert.Equal([movies.Id, picks.Id], user.LibraryIds);
        Assert.Equal(9, user.MaxParentalRating);
        var update = Assert.Single(harness.Server.Requests, r => r.Endpoint == EmulatorEndpoint.UpdateUserPolicy);
        Assert.Equal(204, update.StatusCode);
        using var policy = JsonDocument.Parse(update.Body!);
        Assert.True(policy.RootElement.GetProperty("EnableRemoteAccess").GetBoolean());
        Assert.False(string.IsNullOrEmpty(policy.RootElement.GetProperty("AuthenticationProviderId").GetString()));
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Leaves_a_user_with_access_to_every_library_alone(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        var picks = harness.Server.AddLibrary("Picks");
        var dave = harness.Server.AddUser("dave");

        await harness.Client.GrantLibraryAccessAsync(dave.Id, picks.Id);

        Assert.True(harness.Server.GetUser(dave.Id).HasAccessToAllLibraries);
        Assert.DoesNotContain(harness.Server.Requests, r => r.Endpoint == EmulatorEndpoint.UpdateUserPolicy);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Removes_a_library_by_name_and_ignores_a_missing_one(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        harness.Server.AddLibrary("Movies");
        harness.Server.AddLibrary("Old Picks");

        await harness.Client.RemoveLibraryAsync("old picks");
        await harness.Client.RemoveLibraryAsync("Never existed");

        Assert.Equal(["Movies"], harness.Server.Libraries.Select(l => l.Name));
        Assert.Single(harness.Server.Requests, r => r.Endpoint == EmulatorEndpoint.RemoveLibrary);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Refreshes_one_library(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        var picks = harness.Server.AddLibrary("Picks");

        await harness.Client.RefreshLibraryAsync(picks.Id);

        Assert.Equal([picks.Id], harness.Server.RefreshedItemIds);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Finds_which_items_still_exist_in_batches(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        var a = harness.Server.AddLibrary("A");
        var b = harness.Server.AddLibrary("B");
        var inA = harness.Server.AddMovies(a.Id, SampleMovies.Many(150, "A"));
        var inB = harness.Server.AddMovies(b.Id, SampleMovies.Many(1, "B"));
        harness.Server.RemoveMovie(inA[7].ServerId);
        var unknown = kind == MediaServerKind.Emby ? "999999" : "00000000000000000000000000000000";
        var asked = inA.Select(m => m.ServerId).Append(inB[0].ServerId).Append(unknown).ToList();

        var existing = await harness.Client.GetExistingItemIdsAsync(asked);

        Assert.Equal(asked.Where(id => id != inA[7].ServerId && id != unknown).Order(), existing.Order());
        Assert.Equal(2, harness.Server.Requests.Count);
    }
}
