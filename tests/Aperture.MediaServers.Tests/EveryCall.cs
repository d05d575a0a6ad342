using Aperture.Catalog;
using Aperture.Fixtures;
using Aperture.Testing;

namespace Aperture.MediaServers.Tests;

/// <summary>Makes every call of the client once against a seeded emulator (for the spec and secret checks).</summary>
internal static class EveryCall
{
    /// <summary>The endpoints the calls reach; the spec check asserts each was exercised.</summary>
    public static IReadOnlySet<EmulatorEndpoint> Endpoints { get; } = Enum.GetValues<EmulatorEndpoint>()
        .Where(e => e is not (EmulatorEndpoint.Any or EmulatorEndpoint.Unknown))
        .ToHashSet();

    public static async Task RunAsync(ClientHarness harness)
    {
        var server = harness.Server;
        var client = harness.Client;
        var library = server.AddLibrary("Movies");
        var movies = server.AddMovies(library.Id, SampleMovies.Many(5));
        var user = server.AddUser(new MediaUser { Id = "", Name = "alice", HasAccessToAllLibraries = false, LibraryIds = [library.Id] });
        server.SetWatchState(user.Id, new() { ServerItemId = movies[0].ServerId, Played = true, PlayCount = 1, LastPlayedAt = DateTimeOffset.UnixEpoch });
        server.SetWatchState(user.Id, new() { ServerItemId = movies[1].ServerId, IsFavorite = true });
        server.SetWatchState(user.Id, new() { ServerItemId = movies[2].ServerId, ResumePosition = TimeSpan.FromMinutes(3) });

        await client.GetServerInfoAsync();
        await client.GetLibrariesAsync();
        await client.GetUsersAsync();
        await client.GetMoviesAsync(library.Id).ToListAsync();
        await client.GetWatchStatesAsync(user.Id, changedSince: null);
        await client.GetWatchStatesAsync(user.Id, DateTimeOffset.UnixEpoch);
        await client.GetExistingItemIdsAsync([.. movies.Select(m => m.ServerId)]);
        var picks = await client.EnsureMovieLibraryAsync("Alice's AI Picks - Movies", "/ai/alice");
        await client.EnsureMovieLibraryAsync("Alice's AI Picks - Movies", "/ai/alice-again");
        await client.GrantLibraryAccessAsync(user.Id, picks.Id);
        await client.RefreshLibraryAsync(picks.Id);
        await client.RemoveLibraryAsync("Alice's AI Picks - Movies");
    }
}
