using Aperture.Catalog;
using Aperture.Jobs.Movies;
using Aperture.Libraries;
using Aperture.MediaServers;
using Aperture.Recommendations;
using Aperture.Storage;
using Aperture.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Jobs.Tests.Movies.Libraries;

/// <summary>
/// <c>sync-movie-libraries</c> composed the way an application composes it: the media server emulator on loopback
/// with the real client, the in-memory store, the library writer on a real temporary folder, every log captured.
/// </summary>
internal sealed class LibrarySyncHarness : IAsyncDisposable
{
    public const string ServerRoot = "/mnt/aperture";

    private readonly ServiceProvider _services;

    private LibrarySyncHarness(MediaServerEmulator server, ServiceProvider services, string sandbox)
    {
        Server = server;
        _services = services;
        Sandbox = sandbox;
        Store = services.GetRequiredService<IApertureStore>();
        Logs = services.GetFakeLogCollector();
    }

    public MediaServerEmulator Server { get; }

    public IApertureStore Store { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>The temporary folder; the writer's output root is its <c>out</c> sub-folder.</summary>
    public string Sandbox { get; }

    public string OutputRoot => Path.Join(Sandbox, "out");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public static async Task<LibrarySyncHarness> StartAsync(
        MediaServerKind kind = MediaServerKind.Jellyfin,
        string? version = null,
        LibraryWriteMode mode = LibraryWriteMode.Strm,
        Action<UserSelectionOptions>? users = null)
    {
        var server = await MediaServerEmulator.StartAsync(kind, new MediaServerEmulatorOptions { Version = version });
        var sandbox = Path.Join(Path.GetTempPath(), "aperture-sync-libraries-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(sandbox);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        var aperture = services.AddAperture();
        void Client(MediaServerOptions options)
        {
            options.BaseUrl = server.BaseUrl.ToString();
            options.ApiKey = server.ApiKey;
            options.RetryDelay = TimeSpan.FromMilliseconds(1);
        }

        _ = kind == MediaServerKind.Jellyfin ? aperture.AddJellyfin(Client) : aperture.AddEmby(Client);
        aperture
            .AddInMemoryStore()
            .AddLibraryWriter(options =>
            {
                options.OutputRoot = Path.Join(sandbox, "out");
                options.ServerOutputRoot = ServerRoot;
                options.Mode = mode;
            })
            .AddSyncMovieLibrariesJob()
            .AddUserSelection(users);
        return new LibrarySyncHarness(server, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), sandbox);
    }

    /// <summary>Adds a user on the server (with access to chosen libraries only) and imports them into the store.</summary>
    public async Task<MediaUser> AddUserAsync(string name)
    {
        var user = Server.AddUser(new MediaUser { Id = string.Empty, Name = name, HasAccessToAllLibraries = false });
        await Store.UpsertUsersAsync([user]);
        return user;
    }

    /// <summary>Stores <paramref name="count"/> movies with file paths and returns them with their ids.</summary>
    public async Task<IReadOnlyList<Movie>> AddMoviesAsync(int count, string prefix = "Film")
    {
        var movies = Enumerable.Range(1, count).Select(i => new Movie
        {
            ServerId = $"{prefix}-{i}",
            Title = $"{prefix} {i}",
            Year = 2000 + i,
            Overview = $"The plot of {prefix} {i}.",
            Path = $"/data/movies/{prefix} {i}/{prefix} {i}.mkv",
            TmdbId = (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return (await Store.UpsertMoviesAsync([.. movies])).Movies;
    }

    /// <summary>Completes a recommendation run whose picks are <paramref name="movies"/>, in rank order.</summary>
    public async Task SetPicksAsync(MediaUser user, IEnumerable<Movie> movies)
    {
        var run = new RecommendationRun { Id = Guid.NewGuid(), UserId = user.Id, ModelKey = "test:model", StartedAt = Clock.GetUtcNow() };
        await Store.BeginRunAsync(run);
        var picks = movies.Select((movie, index) => new MoviePick(
            index + 1,
            movie.Id,
            1.0 / (index + 1),
            new ScoreBreakdown(0.5, 0.2, 0.1, 0.1, 0),
            [],
            $"Because {user.Name} liked films like {movie.Title}.")).ToList();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Store.CompleteRunAsync(run.Id, Clock.GetUtcNow(), picks.Count, picks);
    }

    /// <summary>The job as the container builds it.</summary>
    public IJob Job => _services.GetRequiredService<SyncLibrariesJob>();

    /// <summary>Runs the job once, as the engine would, and returns its result with the context it ran in.</summary>
    public async Task<(JobResult Result, TestJobContext Context)> RunAsync()
    {
        using var scope = _services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<SyncLibrariesJob>();
        var context = new TestJobContext(job.Name, timeProvider: Clock);
        return (await job.RunAsync(context.Context, CancellationToken.None), context);
    }

    /// <summary>The user's library folder (<c>ai-movies</c>) on disk.</summary>
    public string MoviesFolder(MediaUser user) => Path.Join(OutputRoot, "users", $"{user.Name}_{user.Id}", "ai-movies");

    /// <summary>The server library of <paramref name="user"/>, or <see langword="null"/>.</summary>
    public MediaLibrary? LibraryOf(MediaUser user) => Server.Libraries.SingleOrDefault(library => library.Name == $"{user.Name}'s AI Picks - Movies");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Delete(Sandbox, recursive: true);
    }
}
