using System.Globalization;
using Aperture.Catalog;

namespace Aperture.Fixtures;

/// <summary>Small, fully populated movie records for seeding the emulator (shared as source by several test projects).</summary>
internal static class SampleMovies
{
    public static Movie Inception { get; } = new()
    {
        ServerId = string.Empty,
        Title = "Inception",
        OriginalTitle = "Inception",
        SortTitle = "Inception",
        Year = 2010,
        PremiereDate = new DateOnly(2010, 7, 15),
        Genres = ["Action", "Science Fiction"],
        Overview = "A thief who steals corporate secrets through dream-sharing technology.",
        Tagline = "Your mind is the scene of the crime.",
        CommunityRating = 8.4,
        CriticRating = 87,
        OfficialRating = "PG-13",
        RuntimeMinutes = 148,
        Path = "/media/movies/Inception (2010)/Inception (2010).mkv",
        Container = "mkv",
        Video = new VideoStreamInfo("hevc", 3840, 2160),
        Audio = new AudioStreamInfo("eac3", 6, "eng"),
        Studios = ["Warner Bros. Pictures", "Legendary Pictures"],
        Directors = ["Christopher Nolan"],
        Writers = ["Christopher Nolan"],
        Actors = [new CastMember("Leonardo DiCaprio", "Cobb"), new CastMember("Elliot Page", "Ariadne")],
        ImdbId = "tt1375666",
        TmdbId = "27205",
        Tags = ["dream", "heist"],
        ProductionCountries = ["United States of America", "United Kingdom"],
        PosterUrl = new Uri("http://poster.invalid/"),
        BackdropUrl = new Uri("http://backdrop.invalid/"),
        DateAdded = new DateTimeOffset(2024, 3, 1, 18, 30, 12, TimeSpan.Zero).AddTicks(1234567),
    };

    /// <summary>
    /// Makes <paramref name="count"/> distinct movies titled "{prefix} 00001" onwards, with provider ids of their
    /// own (derived from the prefix, so two prefixes never share one).
    /// </summary>
    public static IEnumerable<Movie> Many(int count, string prefix = "Movie")
    {
        var offset = prefix.Aggregate(0, (hash, c) => ((hash * 31) + c) % 9_000) * 1_000;
        return Enumerable.Range(1, count).Select(i => Inception with
        {
            Title = $"{prefix} {i.ToString("D5", CultureInfo.InvariantCulture)}",
            OriginalTitle = null,
            SortTitle = null,
            Year = 1950 + (i % 70),
            ImdbId = $"tt{(10_000_000 + offset + i).ToString(CultureInfo.InvariantCulture)}",
            TmdbId = (100_000 + offset + i).ToString(CultureInfo.InvariantCulture),
            Path = $"/media/movies/{prefix} {i}/{prefix} {i}.mkv",
        });
    }
}
