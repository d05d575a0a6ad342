using Aperture.Catalog;
using Aperture.Embeddings;

namespace Aperture.Benchmarks.Embeddings;

/// <summary>
/// A deterministic synthetic catalogue whose texts have realistic shape and length: every part of the movie text
/// filled in, and overviews of TMDb-like length (typical: 120–600 characters, about 350 on average) or at the
/// 1 000-character cap the text builder allows.
/// </summary>
internal static class BenchmarkMovies
{
    private static readonly string[] Sentences =
    [
        "A disgraced detective returns to the city that ruined him to hunt a killer who leaves riddles at every crime scene.",
        "When a signal from deep space reaches an isolated research station, the crew must decide whether to answer it.",
        "Two estranged sisters inherit a crumbling vineyard and discover the family secrets buried beneath its vines.",
        "A young engineer builds a robot to win a national competition, only to find it has a mind of its own.",
        "After a shipwreck, a group of strangers washes up on an island that does not appear on any map.",
        "A retired thief is pulled into one last job by the daughter he abandoned twenty years ago.",
        "In a kingdom at war, a stable boy and a reluctant princess set out to find a dragon said to end all wars.",
        "A small-town teacher enters a televised baking contest to save the school from closing.",
        "Haunted by visions of the future, a nurse races to prevent a disaster that only she can foresee.",
        "A jazz pianist in 1950s Paris falls for a singer whose past threatens to destroy them both.",
        "Soldiers trapped behind enemy lines must cross a frozen river before the winter offensive begins.",
        "A family road trip turns into a fight for survival when their car breaks down in the desert.",
        "A brilliant hacker uncovers a conspiracy that reaches from a tech startup to the highest levels of government.",
        "An aging boxer takes on a final fight to pay for his grandson's surgery.",
        "A lonely astronaut stranded on Mars must grow food and ration oxygen until a rescue can arrive.",
        "A group of teenagers discovers that the abandoned amusement park on the edge of town is not as empty as it seems.",
    ];

    private static readonly string[] Genres = ["Drama", "Science Fiction", "Thriller", "Romance", "Comedy", "Adventure", "Horror", "Crime", "Fantasy", "War"];

    /// <summary>Creates <paramref name="count"/> movies; <paramref name="longOverviews"/> fills every overview to the cap.</summary>
    public static IReadOnlyList<Movie> Create(int count, bool longOverviews = false)
    {
        var random = new Random(20261101);
        var movies = new List<Movie>(count);
        for (var i = 0; i < count; i++)
        {
            var target = longOverviews ? 1100 : Math.Clamp((int)(350 + (random.NextDouble() - 0.5) * 460), 120, 600);
            var overview = string.Empty;
            while (overview.Length < target)
            {
                overview += (overview.Length == 0 ? string.Empty : " ") + Sentences[random.Next(Sentences.Length)];
            }

            movies.Add(new Movie
            {
                Id = new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]),
                ServerId = $"bench-{i:D6}",
                Title = $"The Movie Number {i}",
                Year = 1970 + (i % 55),
                Tagline = "Some secrets are worth dying for.",
                Genres = [Genres[i % Genres.Length], Genres[(i * 7 + 3) % Genres.Length]],
                OfficialRating = "PG-13",
                Directors = [$"Director {i % 97}"],
                Studios = ["Silver Lake Pictures", "Northern Light Films"],
                Actors = [new CastMember($"Actor {i % 211}"), new CastMember($"Actress {i % 173}"), new CastMember($"Actor {i % 89}")],
                Overview = overview,
                Tags = ["based on novel", "revenge", "friendship", "small town"],
                ProductionCountries = ["United States of America", "United Kingdom"],
            });
        }

        return movies;
    }

    /// <summary>The embedded texts of <paramref name="movies"/>.</summary>
    public static string[] Texts(IReadOnlyList<Movie> movies)
    {
        var builder = new MovieTextBuilder();
        return movies.Select(builder.Build).ToArray();
    }
}
