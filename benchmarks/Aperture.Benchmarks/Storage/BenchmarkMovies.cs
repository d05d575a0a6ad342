using System.Globalization;
using Aperture.Catalog;

namespace Aperture.Benchmarks.Storage;

/// <summary>Deterministic, realistically sized movies (full metadata, ten-strong cast) for the store benchmarks.</summary>
internal static class BenchmarkMovies
{
    private static readonly string[] Words =
    [
        "Last", "Night", "City", "Dream", "Shadow", "River", "Storm", "Silent", "Golden", "Empire", "Winter", "Secret",
        "Broken", "Iron", "Glass", "Wild", "Lost", "Star", "Blood", "Summer", "Paper", "Electric", "Hidden", "Crimson",
    ];

    private static readonly string[] Genres =
        ["Action", "Adventure", "Comedy", "Crime", "Drama", "Fantasy", "Horror", "Mystery", "Romance", "Science Fiction", "Thriller", "Western"];

    private static readonly string[] Names =
    [
        "Ava Brooks", "Liam Carter", "Mia Chen", "Noah Diaz", "Emma Evans", "Lucas Ford", "Olivia Grant", "Ethan Hall",
        "Sofia Ito", "Mason Jones", "Chloe Kim", "Logan Lee", "Zoe Moore", "James Novak", "Lily Ortiz", "Henry Park",
    ];

    public static Movie[] Create(int count, int seed = 42)
    {
        var random = new Random(seed);
        var movies = new Movie[count];
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString("x32", CultureInfo.InvariantCulture);
            var year = 1950 + random.Next(75);
            var title = $"{Pick(random, Words)} {Pick(random, Words)} {i.ToString(CultureInfo.InvariantCulture)}";
            movies[i] = new Movie
            {
                ServerId = id,
                LibraryId = "f137a2dd21bbc1b99aa5c0f6bf02a805",
                Title = title,
                OriginalTitle = title,
                SortTitle = title.ToLowerInvariant(),
                Year = year,
                PremiereDate = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)),
                Genres = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(random, Genres)).Distinct()],
                Overview = string.Join(' ', Enumerable.Range(0, 45).Select(_ => Pick(random, Words).ToLowerInvariant())) + ".",
                Tagline = $"{Pick(random, Words)} is only the beginning.",
                CommunityRating = Math.Round(4 + (random.NextDouble() * 5), 1),
                CriticRating = random.Next(20, 100),
                OfficialRating = Pick(random, ["G", "PG", "PG-13", "R"]),
                RuntimeMinutes = 80 + random.Next(80),
                Path = $"/media/movies/{title} ({year})/{title} ({year}).mkv",
                Container = "mkv",
                Video = new VideoStreamInfo("hevc", 3840, 2160),
                Audio = new AudioStreamInfo("eac3", 6, "eng"),
                Studios = [$"{Pick(random, Words)} Pictures", $"{Pick(random, Words)} Films"],
                Directors = [Pick(random, Names)],
                Writers = [Pick(random, Names), Pick(random, Names)],
                Actors = [.. Enumerable.Range(0, 10).Select(_ => new CastMember(Pick(random, Names), $"{Pick(random, Words)} {Pick(random, Words)}"))],
                ImdbId = $"tt{(1_000_000 + i).ToString(CultureInfo.InvariantCulture)}",
                TmdbId = (10_000 + i).ToString(CultureInfo.InvariantCulture),
                Tags = [.. Enumerable.Range(0, 5).Select(_ => Pick(random, Words).ToLowerInvariant())],
                ProductionCountries = ["United States of America"],
                PosterUrl = new Uri($"http://127.0.0.1:8096/Items/{id}/Images/Primary"),
                BackdropUrl = new Uri($"http://127.0.0.1:8096/Items/{id}/Images/Backdrop"),
                DateAdded = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
            };
        }

        return movies;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
