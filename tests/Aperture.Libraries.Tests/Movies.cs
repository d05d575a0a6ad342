using Aperture.Catalog;

namespace Aperture.Libraries.Tests;

/// <summary>Movies and entries for tests.</summary>
internal static class Movies
{
    public static Movie Create(string title, int? year = 2010, string? path = null, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        ServerId = Guid.NewGuid().ToString("N"),
        Title = title,
        Year = year,
        Path = path ?? $"/data/movies/{title} ({year})/{title}.mkv",
        Overview = $"The plot of {title}.",
    };

    public static List<LibraryEntry> Entries(params Movie[] movies) =>
        [.. movies.Select((movie, index) => new LibraryEntry(index + 1, movie, $"Because you watched something like {movie.Title}."))];

    /// <summary>A movie with every field the .nfo writes.</summary>
    public static Movie Rich() => new()
    {
        Id = Guid.Parse("6b1f4a0e-52d4-4c8e-9a43-3f1d2b7c9e10"),
        ServerId = "f27caa37e5142225cceded48f6553502",
        Title = "Inception",
        OriginalTitle = "Inception (Original)",
        SortTitle = "Inception",
        Year = 2010,
        PremiereDate = new DateOnly(2010, 7, 15),
        Genres = ["Action", "Science Fiction", "Adventure"],
        Overview = "Cobb, a skilled thief who commits corporate espionage by infiltrating the subconscious of his targets.\nHe is offered a chance to regain his old life.",
        Tagline = "Your mind is the scene of the crime.",
        CommunityRating = 8.4,
        CriticRating = 87,
        OfficialRating = "PG-13",
        RuntimeMinutes = 148,
        Path = "/data/movies/Inception (2010)/Inception.mkv",
        Container = "mkv",
        Studios = ["Legendary Pictures", "Syncopy", "Warner Bros. Pictures"],
        Directors = ["Christopher Nolan"],
        Writers = ["Christopher Nolan"],
        Actors = [new CastMember("Leonardo DiCaprio", "Dom Cobb"), new CastMember("Joseph Gordon-Levitt", "Arthur"), new CastMember("Elliot Page")],
        ImdbId = "tt1375666",
        TmdbId = "27205",
        Tags = ["dream", "heist"],
        ProductionCountries = ["United Kingdom", "United States of America"],
        PosterUrl = new Uri("http://jellyfin.local:8096/Items/f27caa37e5142225cceded48f6553502/Images/Primary?tag=abc&api_key=SECRET123"),
        BackdropUrl = new Uri("https://image.tmdb.org/t/p/original/s3TBrRGB1iav7gFOCNx3H31MoES.jpg"),
    };
}
