using Aperture.Jobs.Movies;
using Aperture.Libraries;
using Aperture.MediaServers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aperture.Jobs.Tests.Movies.Libraries;

public sealed class SyncLibrariesJobTests
{
    [Fact]
    public async Task The_job_runs_after_the_recommendations_and_needs_them()
    {
        await using var harness = await LibrarySyncHarness.StartAsync();
        var (_, context) = await harness.RunAsync();
        var job = harness.Job;

        Assert.Equal("sync-movie-libraries", job.Name);
        Assert.Equal(MovieJobNames.GenerateRecommendations, job.DefaultSchedule.AfterJob);
        Assert.Equal([MovieJobNames.GenerateRecommendations], job.Prerequisites);
        Assert.False(job.IsManualOnly);
        Assert.Equal(["Finding enabled users", "Writing libraries", "Removing libraries of users no longer enabled"], context.Progress.Steps);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task A_first_run_writes_each_users_picks_creates_their_library_grants_access_and_scans_it(MediaServerKind kind)
    {
        await using var harness = await LibrarySyncHarness.StartAsync(kind);
        var movies = await harness.AddMoviesAsync(6);
        var alice = await harness.AddUserAsync("Alice");
        var bob = await harness.AddUserAsync("Bob");
        await harness.SetPicksAsync(alice, movies.Take(3));
        await harness.SetPicksAsync(bob, movies.Skip(2));

        var (result, _) = await harness.RunAsync();

        Assert.Equal(2, result["users"]);
        Assert.Equal(7, result["written"]);
        Assert.Equal(2, result["libraries-created"]);
        Assert.Equal(2, result["libraries-scanned"]);
        Assert.Equal(["01 - Film 1 (2001)", "02 - Film 2 (2002)", "03 - Film 3 (2003)"], Directory.EnumerateDirectories(harness.MoviesFolder(alice)).Select(Path.GetFileName).Order());
        Assert.Equal("/data/movies/Film 1/Film 1.mkv", File.ReadAllText(Path.Join(harness.MoviesFolder(alice), "01 - Film 1 (2001)", "Film 1 (2001).strm")));

        foreach (var user in new[] { alice, bob })
        {
            var library = harness.LibraryOf(user);
            Assert.NotNull(library);
            Assert.Equal("movies", library.CollectionType);
            Assert.Equal([$"{LibrarySyncHarness.ServerRoot}/users/{user.Name}_{user.Id}/ai-movies"], library.Locations);
            Assert.Contains(library.Id, harness.Server.GetUser(user.Id).LibraryIds);
            Assert.Contains(library.Id, harness.Server.RefreshedItemIds);
        }

        Assert.DoesNotContain(harness.LibraryOf(alice)!.Id, harness.Server.GetUser(bob.Id).LibraryIds);
    }

    [Fact]
    public async Task A_rerun_with_the_same_picks_writes_no_file_and_scans_nothing()
    {
        await using var harness = await LibrarySyncHarness.StartAsync();
        var movies = await harness.AddMoviesAsync(5);
        var alice = await harness.AddUserAsync("Alice");
        await harness.SetPicksAsync(alice, movies);
        await harness.RunAsync();
        var before = FolderFingerprint.Take(harness.OutputRoot);
        var scans = harness.Server.RefreshedItemIds.Count;

        var (result, context) = await harness.RunAsync();

        Assert.Equal((0, 5, 0), (result["written"], result["unchanged"], result["removed"]));
        Assert.Equal(0, result["libraries-scanned"]);
        Assert.Equal(scans, harness.Server.RefreshedItemIds.Count);
        Assert.Equal(before, FolderFingerprint.Take(harness.OutputRoot));
        Assert.Contains(context.Logger.Collector.GetSnapshot(), log => log.Message.StartsWith("Library of Alice", StringComparison.Ordinal) && log.Message.Contains("0 written, 5 unchanged, 0 removed, 0 skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_library_whose_picks_changed_is_scanned()
    {
        await using var harness = await LibrarySyncHarness.StartAsync();
        var movies = await harness.AddMoviesAsync(6);
        var alice = await harness.AddUserAsync("Alice");
        var bob = await harness.AddUserAsync("Bob");
        await harness.SetPicksAsync(alice, movies.Take(3));
        await harness.SetPicksAsync(bob, movies.Skip(3));
        await harness.RunAsync();
        var scans = harness.Server.RefreshedItemIds.Count;

        await harness.SetPicksAsync(alice, [movies[2], movies[0]]);
        var (result, _) = await harness.RunAsync();

        Assert.Equal((2, 3, 1), (result["written"], result["unchanged"], result["removed"]));
        Assert.Equal([harness.LibraryOf(alice)!.Id], harness.Server.RefreshedItemIds.Skip(scans));
        Assert.Equal(["01 - Film 3 (2003)", "02 - Film 1 (2001)"], Directory.EnumerateDirectories(harness.MoviesFolder(alice)).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_user_no_longer_enabled_loses_their_folder_and_library()
    {
        await using var harness = await LibrarySyncHarness.StartAsync();
        var movies = await harness.AddMoviesAsync(2);
        var alice = await harness.AddUserAsync("Alice");
        var bob = await harness.AddUserAsync("Bob");
        await harness.SetPicksAsync(alice, movies);
        await harness.SetPicksAsync(bob, movies);
        await harness.RunAsync();

        await harness.Store.SetUserEnabledAsync(bob.Id, false);
        var (result, _) = await harness.RunAsync();

        Assert.Equal(1, result["users-removed"]);
        Assert.False(Directory.Exists(Path.GetDirectoryName(harness.MoviesFolder(bob))));
        Assert.Null(harness.LibraryOf(bob));
        Assert.True(Directory.Exists(harness.MoviesFolder(alice)));
        Assert.NotNull(harness.LibraryOf(alice));
    }

    [Fact]
    public async Task A_user_the_selection_excludes_gets_no_folder_and_no_library()
    {
        await using var harness = await LibrarySyncHarness.StartAsync(users: options => options.Exclude.Add("bob"));
        var movies = await harness.AddMoviesAsync(2);
        var alice = await harness.AddUserAsync("Alice");
        var bob = await harness.AddUserAsync("Bob");
        await harness.SetPicksAsync(alice, movies);
        await harness.SetPicksAsync(bob, movies);

        var (result, _) = await harness.RunAsync();

        Assert.Equal((1, 0), (result["users"], result["users-removed"]));
        Assert.False(Directory.Exists(harness.MoviesFolder(bob)));
        Assert.Null(harness.LibraryOf(bob));
    }

    [Fact]
    public async Task A_user_disabled_on_the_server_is_removed_too()
    {
        await using var harness = await LibrarySyncHarness.StartAsync();
        var movies = await harness.AddMoviesAsync(2);
        var alice = await harness.AddUserAsync("Alice");
        await harness.SetPicksAsync(alice, movies);
        await harness.RunAsync();

        await harness.Store.UpsertUsersAsync([alice with { IsDisabled = true }]);
        var (result, _) = await harness.RunAsync();

        Assert.Equal((0, 1), (result["users"], result["users-removed"]));
        Assert.Null(harness.LibraryOf(alice));
    }

    [Fact]
    public async Task Users_without_picks_and_picks_without_a_file_are_skipped_with_a_reason()
    {
        await using var harness = await LibrarySyncHarness.StartAsync();
        var movies = await harness.AddMoviesAsync(3);
        var removed = (await harness.Store.UpsertMoviesAsync([movies[1] with { ServerId = "gone", Title = "Gone", TmdbId = null, LibraryId = "old-library" }])).Movies[0];
        await harness.Store.MarkMissingMoviesRemovedAsync("old-library", new HashSet<string>(), harness.Clock.GetUtcNow());
        var noPath = (await harness.Store.UpsertMoviesAsync([new Catalog.Movie { ServerId = "no-path", Title = "Nowhere", Year = 1999 }])).Movies[0];
        var alice = await harness.AddUserAsync("Alice");
        var carol = await harness.AddUserAsync("Carol");
        await harness.SetPicksAsync(alice, [movies[0], removed, noPath, movies[2]]);

        var (result, context) = await harness.RunAsync();

        Assert.Equal((1, 1), (result["users"], result["users-skipped"]));
        Assert.Equal((2, 2), (result["written"], result["skipped"]));
        Assert.Null(harness.LibraryOf(carol));
        var logs = context.Logger.Collector.GetSnapshot().Select(log => log.Message).ToList();
        Assert.Contains(logs, message => message.Contains("Carol", StringComparison.Ordinal) && message.Contains("no recommendations yet", StringComparison.Ordinal));
        Assert.Contains(logs, message => message.Contains("Pick 2 of Alice skipped (Gone (2002))", StringComparison.Ordinal) && message.Contains("removed from the media server", StringComparison.Ordinal));
        Assert.Contains(logs, message => message.Contains("Pick 3 of Alice skipped (Nowhere (1999))", StringComparison.Ordinal) && message.Contains("no file path", StringComparison.Ordinal));
        Assert.Equal(["01 - Film 1 (2001)", "04 - Film 3 (2003)"], Directory.EnumerateDirectories(harness.MoviesFolder(alice)).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin, "10.11.7", LibraryWriteMode.Strm, true)]
    [InlineData(MediaServerKind.Jellyfin, "10.11.7", LibraryWriteMode.Symlink, false)]
    [InlineData(MediaServerKind.Jellyfin, "10.10.7", LibraryWriteMode.Strm, false)]
    [InlineData(MediaServerKind.Emby, "4.8.11.0", LibraryWriteMode.Strm, false)]
    public async Task Strm_files_on_Jellyfin_10_11_7_and_later_are_warned_about(MediaServerKind kind, string version, LibraryWriteMode mode, bool warned)
    {
        await using var harness = await LibrarySyncHarness.StartAsync(kind, version, mode);
        var movies = await harness.AddMoviesAsync(2);
        var alice = await harness.AddUserAsync("Alice");
        await harness.SetPicksAsync(alice, movies);

        var (result, _) = await harness.RunAsync();

        Assert.Equal(warned ? 1 : 0, result["warnings"]);
        Assert.Equal(warned, result.Summary.Contains("Set Aperture:Libraries:Mode to Symlink", StringComparison.Ordinal));
        Assert.Equal(warned, harness.Logs.GetSnapshot().Any(log => log.Level == LogLevel.Warning && log.Message.Contains($"Jellyfin {version} ignores", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_library_removed_on_the_server_is_created_again_and_scanned()
    {
        await using var harness = await LibrarySyncHarness.StartAsync();
        var movies = await harness.AddMoviesAsync(2);
        var alice = await harness.AddUserAsync("Alice");
        await harness.SetPicksAsync(alice, movies);
        await harness.RunAsync();
        await using (var scope = new ServerScope(harness))
        {
            await scope.Client.RemoveLibraryAsync(harness.LibraryOf(alice)!.Name);
        }

        var (result, _) = await harness.RunAsync();

        Assert.Equal((0, 1, 1), (result["written"], result["libraries-created"], result["libraries-scanned"]));
        Assert.Contains(harness.LibraryOf(alice)!.Id, harness.Server.RefreshedItemIds);
    }

    [Fact]
    public async Task A_renamed_user_gets_a_library_under_the_new_name_and_the_old_one_goes()
    {
        await using var harness = await LibrarySyncHarness.StartAsync();
        var movies = await harness.AddMoviesAsync(2);
        var alice = await harness.AddUserAsync("Alice");
        await harness.SetPicksAsync(alice, movies);
        await harness.RunAsync();

        var alicia = alice with { Name = "Alicia" };
        await harness.Store.UpsertUsersAsync([alicia]);
        var (result, _) = await harness.RunAsync();

        Assert.Null(harness.LibraryOf(alice));
        var library = harness.LibraryOf(alicia);
        Assert.NotNull(library);
        Assert.Equal([$"{LibrarySyncHarness.ServerRoot}/users/Alicia_{alice.Id}/ai-movies"], library.Locations);
        Assert.Equal((0, 2), (result["written"], result["unchanged"]));
        Assert.Equal(1, result["libraries-scanned"]);
        Assert.True(Directory.Exists(harness.MoviesFolder(alicia)));
    }

    [Fact]
    public async Task One_users_failure_does_not_stop_the_others_and_fails_the_run_naming_them()
    {
        await using var harness = await LibrarySyncHarness.StartAsync();
        var movies = await harness.AddMoviesAsync(2);
        var alice = await harness.AddUserAsync("Alice");
        var bob = await harness.AddUserAsync("Bob");
        await harness.SetPicksAsync(alice, movies);
        await harness.SetPicksAsync(bob, movies);
        var foreign = Path.GetDirectoryName(harness.MoviesFolder(alice))!;
        Directory.CreateDirectory(Path.Join(foreign, "someone else's files"));

        var error = await Assert.ThrowsAsync<ApertureException>(() => harness.RunAsync());

        Assert.Contains("Alice", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not create", error.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Join(foreign, "someone else's files")));
        Assert.Equal(2, Directory.EnumerateDirectories(harness.MoviesFolder(bob)).Count());
        Assert.NotNull(harness.LibraryOf(bob));
        Assert.Null(harness.LibraryOf(alice));
    }

    /// <summary>A second client on the harness's server, to change the server behind the job's back.</summary>
    private sealed class ServerScope(LibrarySyncHarness harness) : IAsyncDisposable
    {
        private readonly ServiceProvider _services = Build(harness);

        public IMediaServerClient Client => _services.GetRequiredService<IMediaServerClient>();

        public ValueTask DisposeAsync() => _services.DisposeAsync();

        private static ServiceProvider Build(LibrarySyncHarness harness)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            services.AddAperture().AddJellyfin(options =>
            {
                options.BaseUrl = harness.Server.BaseUrl.ToString();
                options.ApiKey = harness.Server.ApiKey;
            });
            return services.BuildServiceProvider();
        }
    }
}
