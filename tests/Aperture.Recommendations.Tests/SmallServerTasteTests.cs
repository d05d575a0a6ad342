using Aperture.Catalog;

namespace Aperture.Recommendations.Tests;

/// <summary>
/// A home server like the demo's: five people with distinct tastes whose histories are drawn by taste × popularity,
/// so the films they share are the popular ones. Co-watching and server popularity then speak for the other four
/// viewers; each user's picks must still follow their own taste.
/// </summary>
public sealed class SmallServerTasteTests
{
    private static readonly string[] Tastes = ["Science Fiction", "Romance", "Horror", "Family", "Western"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Each_users_top_10_mostly_shares_their_dominant_genre(int seed)
    {
        var (scenario, users) = BuildServer(seed);
        var session = scenario.Session(new RecommendationOptions { Explanations = ExplanationMode.None });

        for (var u = 0; u < users.Count; u++)
        {
            var result = await session.RecommendAsync(users[u]);
            var top = result.Picks.Take(10).Select(p => scenario.Genres(p)).ToList();
            var matching = top.Count(genres => genres.Contains(Tastes[u]));
            Assert.True(matching >= 6, $"seed {seed}, {Tastes[u]} fan: {matching} of 10 picks share the genre ({string.Join("; ", top.Select(g => string.Join('/', g)))})");
        }
    }

    // 5 genres × 60 films; a film's vector is its genre's axis plus noise, its popularity long-tailed. Each user
    // watches 40 films drawn by appeal (6 for their genre, 0.05 otherwise) × (0.15 + popularity), like the demo.
    private static (Scenario Scenario, List<UserAccount> Users) BuildServer(int seed)
    {
        var random = new Random(seed);
        var scenario = new Scenario();
        var films = new List<(Movie Movie, int Genre, double Popularity)>();
        for (var genre = 0; genre < Tastes.Length; genre++)
        {
            for (var i = 0; i < 60; i++)
            {
                var vector = Scenario.Axis(genre);
                for (var d = 0; d < Scenario.Dimensions; d++)
                {
                    vector[d] += (float)((random.NextDouble() - 0.5) * 0.9);
                }

                var popularity = Math.Exp(random.NextDouble() * 4) / Math.Exp(4);
                var name = Tastes[genre];
                var movie = scenario.Add($"{name} {i}", vector, m => m with { Genres = [name], CommunityRating = Math.Round(5 + (4 * popularity), 1) });
                films.Add((movie, genre, popularity));
            }
        }

        var users = new List<UserAccount>();
        for (var u = 0; u < Tastes.Length; u++)
        {
            var id = $"user-{u}";
            users.Add(Scenario.User(id: id));
            var weights = films.Select(f => (f.Genre == u ? 6 : 0.05) * (0.15 + f.Popularity)).ToArray();
            for (var n = 0; n < 40; n++)
            {
                var target = random.NextDouble() * weights.Sum();
                var index = 0;
                for (; index < weights.Length - 1 && target >= weights[index]; index++)
                {
                    target -= weights[index];
                }

                scenario.Watch(films[index].Movie, userId: id, daysAgo: 5 + (6 * (40 - n)));
                weights[index] = 0;
            }
        }

        return (scenario, users);
    }
}
