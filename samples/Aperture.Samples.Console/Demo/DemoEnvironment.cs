using Aperture.Jobs;
using Aperture.Samples.Console.Cli;
using Aperture.Storage;
using Aperture.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Aperture.Samples.Console.Demo;

/// <summary>
/// The demo's world: the seeded media server emulator on loopback and a started Aperture host composed exactly as
/// for a real server (<see cref="ConfiguredApertureBuilderExtensions.AddFromConfiguration"/>), with settings that
/// point it at the emulator, a SQLite file and a library folder under the data folder.
/// </summary>
internal sealed class DemoEnvironment : IAsyncDisposable
{
    private DemoEnvironment(DemoSettings settings, MediaServerEmulator server, ApertureSession session)
    {
        Settings = settings;
        Server = server;
        Session = session;
    }

    /// <summary>What the demo runs on.</summary>
    public DemoSettings Settings { get; }

    /// <summary>The demo media server.</summary>
    public MediaServerEmulator Server { get; }

    /// <summary>The started host.</summary>
    public ApertureSession Session { get; }

    /// <summary>
    /// Starts the demo server and the host. <paramref name="overrides"/> (the command line's <c>--set</c>) change
    /// any setting but those that point at the demo's server, files and provider.
    /// </summary>
    public static async Task<DemoEnvironment> StartAsync(
        DemoSettings settings,
        ILoggerProvider? logs,
        bool verbose,
        IEnumerable<KeyValuePair<string, string?>>? overrides,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var server = await DemoServer.StartAsync(settings.Movies, settings.Users, cancellationToken).ConfigureAwait(false);
        try
        {
            var host = ApertureHostFactory.Create(
                configuration => configuration
                    .AddInMemoryCollection(overrides ?? [])
                    .AddInMemoryCollection(Configuration(settings, server)),
                logs,
                verbose);
            var session = await ApertureSession.StartAsync(host, cancellationToken).ConfigureAwait(false);
            return new DemoEnvironment(settings, server, session);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The settings that make a host work on the demo: the same keys a real deployment sets.</summary>
    public static IReadOnlyDictionary<string, string?> Configuration(DemoSettings settings, MediaServerEmulator server)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(server);
        return new Dictionary<string, string?>
        {
            [ConfiguredApertureBuilderExtensions.MediaServerKindSetting] = server.Kind.ToString(),
            ["Aperture:MediaServer:BaseUrl"] = server.BaseUrl.ToString(),
            ["Aperture:MediaServer:ApiKey"] = server.ApiKey,
            ["Aperture:Storage:Path"] = settings.DatabasePath,
            [ConfiguredApertureBuilderExtensions.EmbeddingProviderSetting] = settings.Embeddings,
            ["Aperture:Libraries:OutputRoot"] = settings.LibraryRoot,
        };
    }

    /// <summary>Runs the movie pipeline without a display (the command shows progress bars instead).</summary>
    public Task<IReadOnlyList<JobRun>> RunPipelineAsync(CancellationToken cancellationToken) =>
        Session.Get<IJobRunner>().RunPipelineAsync(cancellationToken);

    /// <summary>Reads every user's current picks, with the movies, in user order.</summary>
    public async Task<IReadOnlyList<DemoUserPicks>> GetPicksAsync(CancellationToken cancellationToken)
    {
        var store = Session.Get<IApertureStore>();
        var result = new List<DemoUserPicks>();
        foreach (var user in await store.GetUsersAsync(cancellationToken).ConfigureAwait(false))
        {
            var watched = (await store.GetWatchStatesAsync(user.Id, cancellationToken).ConfigureAwait(false)).Count(static state => state.Played);
            var set = await store.GetLatestAsync(user.Id, cancellationToken).ConfigureAwait(false);
            var picks = set?.Picks ?? [];
            var movies = (await store.GetMoviesByIdAsync([.. picks.Select(static pick => pick.MovieId)], cancellationToken).ConfigureAwait(false))
                .ToDictionary(static movie => movie.Id);
            result.Add(new DemoUserPicks(
                user,
                DemoServer.PersonaOf(user.Id),
                watched,
                [.. picks.Where(pick => movies.ContainsKey(pick.MovieId)).Select(pick => (pick, movies[pick.MovieId]))]));
        }

        return result;
    }

    /// <summary>Stops the host, then the demo server.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Session.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
