using System.Net;
using Aperture.Catalog;
using Aperture.MediaServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture.Testing;

/// <summary>
/// A Jellyfin or Emby server on loopback (Kestrel, 127.0.0.1, a free port) that serves a catalogue seeded from plain
/// records, in the real servers' JSON: PascalCase, ticks, UTC dates with seven fractional digits, Jellyfin 32-hex ids
/// or Emby numeric ids, and the fields each server leaves out unless asked. It answers the library-management calls
/// and reflects them in its state, injects faults on demand and records every request it receives. Where a server's
/// behaviour differs from its documentation the emulator follows the server: Jellyfin compares
/// <c>MinDateLastSavedForUser</c> with the item's own save date, not the user's data.
/// </summary>
/// <example>
/// <code>
/// await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Jellyfin);
/// var movies = server.AddLibrary("Movies");
/// server.AddMovies(movies.Id, [new Movie { ServerId = "", Title = "Inception", Year = 2010 }]);
/// // point a client at server.BaseUrl with server.ApiKey
/// </code>
/// </example>
public sealed class MediaServerEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly EmulatorFaults _faults = new();
    private readonly EmulatorRequestLog _log;
    private readonly EmulatorRequestHandler _handler;

    private MediaServerEmulator(MediaServerKind kind, MediaServerEmulatorOptions options)
    {
        Kind = kind;
        var ids = new EmulatorIds(kind, options.Seed);
        ServerId = ids.NewHex();
        ApiKey = options.ApiKey ?? ids.NewHex();
        ServerName = options.ServerName;
        Version = options.Version ?? (kind == MediaServerKind.Emby ? "4.8.11.0" : "10.11.11");
        _state = new EmulatorState(kind, ids, new EmulatorItemWriter(kind, ServerId, ids), options.TimeProvider ?? TimeProvider.System);
        _log = new EmulatorRequestLog(options.RecordRequests);
        var handler = _handler = new EmulatorRequestHandler(this, _state, new EmulatorResponses(_state, ServerId, ServerName, Version), _faults, _log, ApiKey);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(handler.HandleAsync);
    }

    /// <summary>Which server the emulator plays.</summary>
    public MediaServerKind Kind { get; }

    /// <summary>The server's address, for example <c>http://127.0.0.1:54321/</c>. Emby also answers under <c>/emby/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The administrator API key the emulator accepts.</summary>
    public string ApiKey { get; }

    /// <summary>The server id reported by <c>/System/Info</c> and in every item's <c>ServerId</c>.</summary>
    public string ServerId { get; }

    /// <summary>The server name reported by <c>/System/Info</c>.</summary>
    public string ServerName { get; }

    /// <summary>The version reported by <c>/System/Info</c>.</summary>
    public string Version { get; }

    /// <summary>A delay added to every request (on top of any <see cref="EmulatorFaultKind.Latency"/> fault).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The libraries, in creation order.</summary>
    public IReadOnlyList<MediaLibrary> Libraries => _state.Locked(s => s.Libraries.Select(EmulatorState.ToRecord).ToArray());

    /// <summary>The users, with their library access as the server now holds it.</summary>
    public IReadOnlyList<MediaUser> Users => _state.Locked(s => s.Users.Select(s.ToRecord).ToArray());

    /// <summary>The item ids (libraries or movies) a refresh (scan) was requested for, in order.</summary>
    public IReadOnlyList<string> RefreshedItemIds => _state.Refreshed;

    /// <summary>The requests received so far, in arrival order (empty when recording is off).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    /// <summary>The most requests the emulator was answering at the same time since it started or <see cref="ClearRequests"/> was called.</summary>
    public int PeakConcurrentRequests => _handler.PeakInFlight;

    /// <summary>Starts an emulator of <paramref name="kind"/> on 127.0.0.1 and a free port.</summary>
    public static async Task<MediaServerEmulator> StartAsync(MediaServerKind kind, MediaServerEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new MediaServerEmulator(kind, options ?? new MediaServerEmulatorOptions());
        await emulator._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = emulator._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return emulator;
    }

    /// <summary>Adds a library; <paramref name="collectionType"/> <see langword="null"/> makes a mixed library.</summary>
    /// <returns>The library with its generated id.</returns>
    public MediaLibrary AddLibrary(string name, string? collectionType = "movies", IEnumerable<string>? locations = null) =>
        EmulatorState.ToRecord(_state.AddLibrary(null, name, collectionType, locations ?? [$"/media/{name.ToLowerInvariant()}"]));

    /// <summary>Adds a library described by <paramref name="library"/>, keeping its id unless it is blank.</summary>
    public MediaLibrary AddLibrary(MediaLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        return EmulatorState.ToRecord(_state.AddLibrary(library.Id, library.Name, library.CollectionType, library.Locations));
    }

    /// <summary>Removes a library and its movies, as a server does when a library is deleted; returns whether it existed.</summary>
    public bool RemoveLibrary(string libraryId) => _state.RemoveLibraryAndMovies(libraryId);

    /// <summary>
    /// Adds movies to a library. A blank <see cref="Movie.ServerId"/> gets a generated id in the dialect's format;
    /// <see cref="Movie.PosterUrl"/> and <see cref="Movie.BackdropUrl"/> only say whether the item has that image.
    /// </summary>
    /// <returns>The movies as the server now holds them (server and library ids set), in input order.</returns>
    public IReadOnlyList<Movie> AddMovies(string libraryId, IEnumerable<Movie> movies) => _state.AddMovies(libraryId, movies);

    /// <summary>Adds one movie; see <see cref="AddMovies"/>.</summary>
    public Movie AddMovie(string libraryId, Movie movie) => _state.AddMovies(libraryId, [movie])[0];

    /// <summary>Replaces the movie with the same <see cref="Movie.ServerId"/> (metadata edited on the server).</summary>
    public Movie UpdateMovie(Movie movie) => _state.UpdateMovie(movie);

    /// <summary>Removes a movie (deleted from disk); returns whether it existed.</summary>
    public bool RemoveMovie(string serverId) => _state.RemoveMovie(serverId);

    /// <summary>Reads the movies as the server holds them, in listing order; only one library's when given.</summary>
    public IReadOnlyList<Movie> GetMovies(string? libraryId = null) =>
        [.. _state.SortedMovies().Where(m => libraryId is null || _state.SameId(m.LibraryId, libraryId)).Select(m => m.Movie)];

    /// <summary>Adds a user who can access every library.</summary>
    public MediaUser AddUser(string name, bool isDisabled = false, bool isAdministrator = false) =>
        AddUser(new MediaUser { Id = string.Empty, Name = name, IsDisabled = isDisabled, IsAdministrator = isAdministrator });

    /// <summary>Adds a user described by <paramref name="user"/>, keeping its id unless it is blank (then a 32-hex id is made).</summary>
    public MediaUser AddUser(MediaUser user) => _state.ToRecord(_state.AddUser(user));

    /// <summary>Reads one user as the server now holds them (library access included).</summary>
    /// <exception cref="KeyNotFoundException">No such user.</exception>
    public MediaUser GetUser(string userId) => _state.ToRecord(_state.FindUser(userId));

    /// <summary>Disables or re-enables a user on the server.</summary>
    public void SetUserDisabled(string userId, bool disabled) => _state.Locked(s => s.FindUser(userId).IsDisabled = disabled);

    /// <summary>
    /// Sets one user's state of one movie (<see cref="MediaWatchState.ServerItemId"/>), stamped as saved at
    /// <paramref name="savedAt"/> or the emulator clock's now. Its ids and runtime come from the movie, not the state.
    /// </summary>
    public void SetWatchState(string userId, MediaWatchState state, DateTimeOffset? savedAt = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_state.FindMovie(state.ServerItemId) is null)
        {
            throw new KeyNotFoundException($"The emulator has no movie with id '{state.ServerItemId}'.");
        }

        _state.SetUserData(userId, state.ServerItemId, new EmulatorUserData(
            state.Played,
            state.PlayCount,
            state.LastPlayedAt,
            state.IsFavorite,
            state.ResumePosition.Ticks,
            state.UserRating,
            savedAt ?? _state.TimeProvider.GetUtcNow()));
    }

    /// <summary>Forgets one user's data of one movie, as if they had never touched it.</summary>
    public void ClearWatchState(string userId, string serverItemId) => _state.SetUserData(userId, serverItemId, null);

    /// <summary>Reads one user's state of one movie, or <see langword="null"/> when they never touched it.</summary>
    public MediaWatchState? GetWatchState(string userId, string serverItemId) => _state.Locked(s =>
    {
        var user = s.FindUser(userId);
        return user.Data.TryGetValue(serverItemId, out var data)
            ? new MediaWatchState
            {
                ServerItemId = serverItemId,
                Played = data.Played,
                PlayCount = data.PlayCount,
                LastPlayedAt = data.LastPlayedDate,
                IsFavorite = data.IsFavorite,
                ResumePosition = TimeSpan.FromTicks(data.PlaybackPositionTicks),
                UserRating = data.Rating,
            }
            : null;
    });

    /// <summary>Arms a fault; it hits the next <see cref="EmulatorFault.Times"/> matching requests.</summary>
    public void InjectFault(EmulatorFault fault) => _faults.Add(fault);

    /// <summary>Disarms every fault.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>Forgets the requests recorded so far and resets <see cref="PeakConcurrentRequests"/>.</summary>
    public void ClearRequests()
    {
        _log.Clear();
        _handler.ResetPeak();
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
