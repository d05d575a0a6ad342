using Aperture.Embeddings;
using Aperture.Jobs.Movies;
using Aperture.MediaServers;
using Aperture.Storage;
using Aperture.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Jobs.Tests.Movies.Embeddings;

/// <summary>
/// End to end: a Jellyfin emulator, <c>sync-movies</c>, the SQLite store, and <c>generate-movie-embeddings</c>
/// through the OpenAI SDK path to the fake embeddings server. Each <see cref="Compose"/> is a process of its own
/// over the same database file, as an application restarted with another model would be.
/// </summary>
public sealed class GenerateEmbeddingsJobEndToEndTests : IAsyncLifetime
{
    private const int MovieCount = 300;
    private readonly string _folder = Directory.CreateTempSubdirectory("aperture-embeddings-e2e-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    private MediaServerEmulator _mediaServer = null!;
    private FakeOpenAIEmbeddingServer _embeddingServer = null!;

    public async Task InitializeAsync()
    {
        _mediaServer = await MediaServerEmulator.StartAsync(MediaServerKind.Jellyfin, new MediaServerEmulatorOptions { TimeProvider = _clock });
        _embeddingServer = await FakeOpenAIEmbeddingServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _embeddingServer.DisposeAsync();
        await _mediaServer.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ServiceProvider Compose(string model)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(_clock);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddAperture()
            .AddJellyfin(o =>
            {
                o.BaseUrl = _mediaServer.BaseUrl.ToString();
                o.ApiKey = _mediaServer.ApiKey;
                o.RetryCount = 0;
            })
            .AddSqliteStore(Path.Combine(_folder, "aperture.db"))
            .AddSyncMoviesJob()
            .AddOpenAIEmbeddings(o =>
            {
                o.ApiKey = "sk-e2e";
                o.BaseUrl = _embeddingServer.BaseUrl;
                o.Model = model;
                o.Dimensions = model == "text-embedding-3-large" ? 256 : null;
                o.Retry.OnRetry = retry =>
                {
                    _clock.Advance(retry.Delay);
                    return ValueTask.CompletedTask;
                };
            })
            .AddGenerateMovieEmbeddingsJob();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private async Task<JobResult> RunAsync<TJob>(IServiceProvider services)
        where TJob : IJob
    {
        using var scope = services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<TJob>();
        return await job.RunAsync(new TestJobContext(job.Name, timeProvider: _clock).Context, CancellationToken.None);
    }

    [Fact]
    public async Task First_run_embeds_all_second_none_a_changed_overview_one_a_model_switch_all()
    {
        var library = _mediaServer.AddLibrary("Movies");
        var seeded = _mediaServer.AddMovies(library.Id, Enumerable.Range(0, MovieCount).Select(i => EmbeddingJobHarness.DemoMovie(i) with { ServerId = string.Empty }));

        await using (var services = Compose("text-embedding-3-small"))
        {
            Assert.Equal(MovieCount, (await RunAsync<SyncMoviesJob>(services))["added"]);

            var first = await RunAsync<GenerateEmbeddingsJob>(services);
            Assert.Equal((MovieCount, 0, 0), (first["generated"], first["skipped"], first["failed"]));
            Assert.Equal(3, _embeddingServer.RequestCount); // ceil(300 / 128)

            var second = await RunAsync<GenerateEmbeddingsJob>(services);
            Assert.Equal((0, MovieCount), (second["generated"], second["skipped"]));
            Assert.Equal(3, _embeddingServer.RequestCount);

            _mediaServer.UpdateMovie(seeded[123] with { Overview = "Rewritten: a heist inside a dream within a dream." });
            _clock.Advance(TimeSpan.FromHours(1));
            await RunAsync<SyncMoviesJob>(services);
            var third = await RunAsync<GenerateEmbeddingsJob>(services);
            Assert.Equal((1, MovieCount - 1), (third["generated"], third["skipped"]));
            Assert.Equal(4, _embeddingServer.RequestCount);
            Assert.Contains("Rewritten: a heist inside a dream", Assert.Single(_embeddingServer.Requests[^1].Inputs), StringComparison.Ordinal);
        }

        // The application restarts with another model (text-embedding-3-large shortened to 256): a new set, every movie again.
        await using (var services = Compose("text-embedding-3-large"))
        {
            var switched = await RunAsync<GenerateEmbeddingsJob>(services);
            Assert.Equal((MovieCount, 0), (switched["generated"], switched["skipped"]));
            Assert.Equal(256, _embeddingServer.Requests[^1].Dimensions);

            var maintenance = services.GetRequiredService<IEmbeddingMaintenance>();
            Assert.Equal(
                [("openai:text-embedding-3-large@256", 256, MovieCount, true), ("openai:text-embedding-3-small", 1536, MovieCount, false)],
                (await maintenance.GetSetsAsync()).Select(s => (s.Model.Key, s.Model.Dimensions, s.VectorCount, s.IsActive)));

            Assert.Equal(MovieCount, await maintenance.PurgeInactiveAsync());
            Assert.Equal(["openai:text-embedding-3-large@256"], (await services.GetRequiredService<IEmbeddingStore>().GetModelsAsync()).Select(m => m.Model.Key));
        }
    }
}
