using System.Globalization;
using Aperture.Catalog;
using Aperture.MediaServers;
using Aperture.Testing;

namespace Aperture.Samples.Console.Demo;

/// <summary>
/// Starts the bundled media server emulator on loopback, seeded with the demo catalogue and demo users whose
/// watch histories follow their tastes and the films' popularity. Deterministic: the same options give the same
/// server (ids included), so a second demo run is incremental.
/// </summary>
internal static class DemoServer
{
    /// <summary>The server version the demo reports (a Jellyfin that follows .strm paths).</summary>
    public const string Version = "10.10.7";

    /// <summary>The folder the demo's movie library lives in, as the server sees it.</summary>
    public const string MediaRoot = "/media/movies";

    // A fixed "today" keeps the histories, and so the demo's picks, the same on every machine and every day.
    private static readonly DateTimeOffset HistoryAnchor = new(2026, 6, 1, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Starts the emulator with the <paramref name="movieCount"/> most prominent films and <paramref name="userCount"/> users.</summary>
    public static async Task<MediaServerEmulator> StartAsync(int movieCount, int userCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(movieCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(userCount, 1);

        var emulator = await MediaServerEmulator.StartAsync(
            MediaServerKind.Jellyfin,
            new MediaServerEmulatorOptions { ServerName = "Aperture Demo", Version = Version, Seed = 42, RecordRequests = false },
            cancellationToken).ConfigureAwait(false);

        try
        {
            Seed(emulator, movieCount, userCount);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The taste of the demo user <paramref name="userId"/>, or <see langword="null"/> for a user the demo did not create.</summary>
    public static DemoPersona? PersonaOf(string userId) =>
        int.TryParse(userId, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var number) && number >= 0xDE00
            ? DemoPersona.All[(number - 0xDE00) % DemoPersona.All.Count]
            : null;

    private static void Seed(MediaServerEmulator emulator, int movieCount, int userCount)
    {
        var films = DemoCatalogue.Films
            .OrderByDescending(f => f.Prominence)
            .ThenBy(f => f.Year)
            .ThenBy(f => f.Title, StringComparer.Ordinal)
            .Take(movieCount)
            .ToArray();
        var library = emulator.AddLibrary("Movies", "movies", [MediaRoot]);
        var movies = emulator.AddMovies(library.Id, films.Select(ToMovie));

        var maxProminence = Math.Max(1, films.Max(f => f.Prominence));
        for (var i = 0; i < userCount; i++)
        {
            var persona = DemoPersona.All[i % DemoPersona.All.Count];
            var name = i < DemoPersona.All.Count ? persona.Name : $"{persona.Name} {(i / DemoPersona.All.Count) + 1}";
            var user = emulator.AddUser(new MediaUser { Id = DemoUserId(i), Name = name });
            foreach (var state in History(persona, films, movies, maxProminence, seed: 1000 + i))
            {
                emulator.SetWatchState(user.Id, state, state.LastPlayedAt ?? HistoryAnchor);
            }
        }
    }

    private static string DemoUserId(int index) => (0xDE00 + index).ToString("x32", CultureInfo.InvariantCulture);

    private static Movie ToMovie(DemoFilm film)
    {
        var hash = StableHash(film.Title, film.Year);
        var folder = $"{film.Title} ({film.Year.ToString(CultureInfo.InvariantCulture)})".Replace('/', '-');
        return new Movie
        {
            ServerId = string.Empty,
            Title = film.Title,
            Year = film.Year,
            Genres = film.Genres,
            Overview = film.Overview,
            Actors = [.. film.Cast.Select(name => new CastMember(name))],
            RuntimeMinutes = 85 + (int)(hash % 60),
            CommunityRating = Math.Round(Math.Clamp(4.8 + (film.Prominence * 0.3) + ((hash % 10) / 10.0), 1.0, 9.6), 1),
            OfficialRating = OfficialRatingFor(film.Genres),
            Path = $"{MediaRoot}/{folder}/{folder}.mkv",
            Container = "mkv",
            DateAdded = HistoryAnchor.AddDays(-400 - (int)(hash % 900)),
        };
    }

    private static string OfficialRatingFor(IReadOnlyList<string> genres) =>
        genres.Any(g => g is "Horror" or "Slasher" or "Erotic") ? "R"
        : genres.Any(g => g is "Family" or "Animation") ? "PG"
        : "PG-13";

    /// <summary>
    /// A time-ordered history: films drawn by taste × popularity, most played once, some again, a few favourites
    /// and two unfinished ones.
    /// </summary>
    private static IEnumerable<MediaWatchState> History(DemoPersona persona, DemoFilm[] films, IReadOnlyList<Movie> movies, int maxProminence, int seed)
    {
        var random = new Random(seed);
        var weights = films.Select(f => persona.Appeal(f) * (0.15 + ((double)f.Prominence / maxProminence))).ToArray();
        // 30 to 60 films, fewer when the catalogue holds few the persona likes: past those, draws would be random.
        var liked = films.Count(film => persona.Appeal(film) >= 1.5);
        var count = Math.Min(Math.Min(films.Length / 2, 30 + random.Next(30)), Math.Max(8, liked * 2 / 3));
        var chosen = new List<int>(count);
        var total = weights.Sum();
        while (chosen.Count < count && total > 0)
        {
            var target = random.NextDouble() * total;
            var index = 0;
            for (; index < weights.Length - 1 && target >= weights[index]; index++)
            {
                target -= weights[index];
            }

            chosen.Add(index);
            total -= weights[index];
            weights[index] = 0;
        }

        for (var position = 0; position < chosen.Count; position++)
        {
            var film = films[chosen[position]];
            var movie = movies[chosen[position]];
            var lastPlayed = HistoryAnchor.AddDays(-(chosen.Count - position) * 6).AddMinutes(-random.Next(600));
            var unfinished = position >= chosen.Count - 2;
            yield return new MediaWatchState
            {
                ServerItemId = movie.ServerId,
                Played = !unfinished,
                PlayCount = unfinished ? 0 : 1 + (random.NextDouble() < 0.2 ? random.Next(1, 4) : 0),
                LastPlayedAt = lastPlayed,
                IsFavorite = !unfinished && persona.Appeal(film) >= 4 && random.NextDouble() < 0.25,
                ResumePosition = unfinished ? TimeSpan.FromMinutes(20 + random.Next(30)) : TimeSpan.Zero,
            };
        }
    }

    private static uint StableHash(string title, int year)
    {
        var hash = 2166136261u;
        foreach (var c in $"{title}|{year}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
