using Aperture.Jobs.Movies;
using Aperture.MediaServers;
using Aperture.Storage;
using Aperture.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Jobs.Tests.Movies.Sync;

/// <summary>Which store a sync test runs against.</summary>
public enum SyncStore
{
    InMemory,
    Sqlite,
}

/// <summary>
/// An emulator, a client and a store composed the way an application composes them, with the two sync jobs
/// registered; jobs are run by calling <see cref="IJob.RunAsync"/> directly. The emulator and the jobs share one fake
/// clock, so "changed since" means the same thing on both sides.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _folder;

    private SyncHarness(MediaServerEmulator server, ServiceProvider services, FakeTimeProvider clock, string? folder)
    {
        Server = server;
        _services = services;
        Clock = clock;
        _folder = folder;
        Store = services.GetRequiredService<IApertureStore>();
    }

    public MediaServerEmulator Server { get; }

    public IApertureStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public TestJobContext? LastContext { get; private set; }

    public static async Task<SyncHarness> StartAsync(
        MediaServerKind kind = MediaServerKind.Jellyfin,
        SyncStore store = SyncStore.InMemory,
        Action<IApertureBuilder>? configure = null,
        bool recordRequests = true)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        var server = await MediaServerEmulator.StartAsync(kind, new MediaServerEmulatorOptions { TimeProvider = clock, RecordRequests = recordRequests });
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        var aperture = services.AddAperture();
        void Media(MediaServerOptions o)
        {
            o.BaseUrl = server.BaseUrl.ToString();
            o.ApiKey = server.ApiKey;
            o.PageSize = 10;
            o.RetryCount = 0;
            o.RetryDelay = TimeSpan.Zero;
        }

        _ = kind == MediaServerKind.Jellyfin ? aperture.AddJellyfin(Media) : aperture.AddEmby(Media);
        string? folder = null;
        if (store == SyncStore.Sqlite)
        {
            folder = Directory.CreateTempSubdirectory("aperture-sync-").FullName;
            aperture.AddSqliteStore(Path.Combine(folder, "aperture.db"));
        }
        else
        {
            aperture.AddInMemoryStore();
        }

        aperture.AddSyncMoviesJob().AddSyncWatchHistoryJob();
        configure?.Invoke(aperture);
        return new SyncHarness(server, services.BuildServiceProvider(), clock, folder);
    }

    public Task<JobResult> SyncMoviesAsync(CancellationToken cancellationToken = default) =>
        RunAsync<SyncMoviesJob>(MovieJobNames.SyncMovies, null, cancellationToken);

    public Task<JobResult> SyncWatchHistoryAsync(bool full = false, CancellationToken cancellationToken = default) =>
        RunAsync<SyncWatchHistoryJob>(MovieJobNames.SyncWatchHistory, full ? MovieJobNames.FullVariant : null, cancellationToken);

    public Task<JobResult> RunAsync<TJob>(string name, string? variant, CancellationToken cancellationToken = default)
        where TJob : IJob
    {
        using var scope = _services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<TJob>();
        Assert.Equal(name, job.Name);
        LastContext = new TestJobContext(name, variant, Clock);
        return job.RunAsync(LastContext.Context, cancellationToken);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
