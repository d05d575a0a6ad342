using System.Text.Json;
using Aperture.Catalog;

namespace Aperture.Recommendations.Tests;

public sealed class RankingTests
{
    [Fact]
    public async Task Diversity_trades_a_little_relevance_for_picks_unlike_each_other()
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Seen A", Scenario.Axis(0)));
        scenario.Watch(scenario.Add("Seen A2", Scenario.Axis(0, 0.05f)));
        scenario.Watch(scenario.Add("Seen B", Scenario.Axis(0, 1.2f), m => m with { Genres = ["Comedy"] }));
        for (var i = 0; i < 5; i++)
        {
            scenario.Add($"A clone {i}", Scenario.Axis(0, 0.3f + (i * 0.001f)));
        }

        scenario.Add("B side", Scenario.Axis(0, 1.4f), m => m with { Genres = ["Comedy"] });

        var plain = await scenario.RecommendAsync(Scenario.Quiet(o => o.PicksPerUser = 3));
        var diverse = await scenario.RecommendAsync(Scenario.Quiet(o => { o.PicksPerUser = 3; o.DiversityWeight = 0.5; }));

        Assert.DoesNotContain("B side", scenario.Titles(plain));
        Assert.Contains("B side", scenario.Titles(diverse));
        Assert.StartsWith("A clone", scenario.Titles(diverse)[0], StringComparison.Ordinal);
        Assert.All(plain.Picks, p => Assert.Equal(0, p.Breakdown.Diversity));
        Assert.Equal(0, diverse.Picks[0].Breakdown.Diversity);
        Assert.Contains(diverse.Picks.Skip(1), p => p.Breakdown.Diversity > 0);
        Assert.Equal([1, 2, 3], diverse.Picks.Select(p => p.Rank));
    }

    [Fact]
    public async Task Evidence_cites_the_three_most_similar_watched_movies_with_their_cosine()
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Closest", Scenario.Axis(0, 0.1f)));
        scenario.Watch(scenario.Add("Second", Scenario.Axis(0, 0.5f)));
        scenario.Watch(scenario.Add("Third", Scenario.Axis(0, 1f)));
        scenario.Watch(scenario.Add("Unrelated", Scenario.Axis(5)));
        var target = scenario.Add("Target", Scenario.Axis(0));

        var result = await scenario.RecommendAsync(Scenario.Quiet(o => o.PicksPerUser = 1));

        var pick = Assert.Single(result.Picks);
        Assert.Equal(target.Id, pick.MovieId);
        Assert.Equal(["Closest (2000)", "Second (2001)", "Third (2002)"], pick.Evidence.Select(e => e.Title));
        Assert.Equal(1 / Math.Sqrt(1.01), pick.Evidence[0].Similarity, 3);
        Assert.Equal(1 / Math.Sqrt(2), pick.Evidence[2].Similarity, 3);

        var none = await scenario.RecommendAsync(Scenario.Quiet(o => { o.PicksPerUser = 1; o.EvidencePerPick = 0; }));
        Assert.Empty(none.Picks[0].Evidence);
    }

    [Fact]
    public async Task A_multi_interest_profile_serves_both_tastes_where_a_centroid_falls_between_them()
    {
        var scenario = new Scenario();
        for (var i = 0; i < 6; i++)
        {
            scenario.Watch(scenario.Add($"Western {i}", Scenario.Axis(0, i * 0.02f)), daysAgo: i + 1);
            scenario.Watch(scenario.Add($"Musical {i}", Scenario.Axis(4, i * 0.02f)), daysAgo: i + 1);
        }

        var between = new float[Scenario.Dimensions];
        between[0] = between[4] = 1;
        scenario.Add("Between", between);
        scenario.Add("Western new", Scenario.Axis(0, 0.15f));
        scenario.Add("Musical new", Scenario.Axis(4, 0.15f));

        var multi = await scenario.RecommendAsync(Scenario.Quiet(o => o.PicksPerUser = 2));
        var centroid = await scenario.RecommendAsync(Scenario.Quiet(o => { o.PicksPerUser = 2; o.Profile = TasteProfileKind.Centroid; }));

        Assert.Equal(["Musical new", "Western new"], scenario.Titles(multi).Order());
        Assert.Equal("Between", scenario.Titles(centroid)[0]);
    }

    [Fact]
    public async Task Co_watching_by_other_users_lifts_a_movie_only_when_users_share_data()
    {
        var scenario = new Scenario();
        var shared = scenario.Add("Shared", Scenario.Axis(0));
        var coWatched = scenario.Add("Co-watched", Scenario.Axis(3));
        scenario.Add("Looks similar", Scenario.Axis(0, 0.3f));
        for (var i = 0; i < 6; i++)
        {
            scenario.Add($"Filler {i}", Scenario.Axis(5, i * 0.1f));
        }

        scenario.Watch(shared);
        var alone = await scenario.RecommendAsync(new RecommendationOptions { Explanations = ExplanationMode.None });

        // Enough co-watchers that one shared film is strong evidence (confidence grows with shared film × co-watcher).
        for (var u = 0; u < 100; u++)
        {
            scenario.Watch(shared, userId: $"other-{u}");
            scenario.Watch(coWatched, userId: $"other-{u}");
        }

        var together = await scenario.RecommendAsync(new RecommendationOptions { Explanations = ExplanationMode.None });

        Assert.Equal("Looks similar", scenario.Titles(alone)[0]);
        Assert.All(alone.Picks, p => Assert.Equal(0, p.Breakdown.Collaborative));
        var pick = together.Picks.Single(p => p.MovieId == coWatched.Id);
        Assert.Equal(1, pick.Breakdown.Collaborative);
        // One shared film is thin evidence: co-watching lifts the film to just behind a near-copy of the user's only watch.
        Assert.InRange(pick.Rank, 1, 2);
        Assert.True(together.Picks.Single(p => p.MovieId == coWatched.Id).Score > alone.Picks.Single(p => p.MovieId == coWatched.Id).Score);
    }

    [Fact]
    public async Task Breakdown_parts_are_in_the_unit_range_and_picks_are_ranked_by_score()
    {
        var server = Testing.Data.SyntheticDataGenerator.Generate(new() { Seed = 3, UserCount = 12, MovieCount = 400, VectorDimensions = 32 });
        var dataset = RecommendationDataset.Create(server.Model!, server.Movies, server.Vectors, server.WatchStates, server.Options.Now);
        var session = new RecommendationSession(dataset, new RecommendationOptions(), new TemplateExplainer(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, default);

        await foreach (var result in session.RecommendAsync(server.Users.Select(u => new UserAccount(u, true, [])).ToList()))
        {
            Assert.Equal(RecommendationOutcome.Completed, result.Outcome);
            Assert.Equal(20, result.Picks.Count);
            Assert.Equal(Enumerable.Range(1, 20), result.Picks.Select(p => p.Rank));
            Assert.All(result.Picks, p =>
            {
                foreach (var part in new[] { p.Breakdown.Content, p.Breakdown.Collaborative, p.Breakdown.Prior, p.Breakdown.Novelty, p.Breakdown.Diversity })
                {
                    Assert.InRange(part, 0, 1);
                }

                Assert.InRange(p.Evidence.Count, 1, 3);
                Assert.False(string.IsNullOrWhiteSpace(p.Explanation));
            });
            Assert.Equal(result.Picks.Count, result.Picks.Select(p => p.MovieId).Distinct().Count());
        }
    }

    [Fact]
    public async Task Many_users_are_served_in_input_order_and_one_failure_stays_with_its_user()
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Seen", Scenario.Axis(0)));
        scenario.Watch(scenario.Add("Seen too", Scenario.Axis(1)), userId: "user-2");
        scenario.Add("Candidate", Scenario.Axis(0, 0.1f));
        var broken = new UserAccount(null!, true, []);
        var session = scenario.Session();

        var results = new List<UserRecommendations>();
        await foreach (var result in session.RecommendAsync([Scenario.User(), broken, Scenario.User(id: "nobody"), Scenario.User(id: "user-2")]))
        {
            results.Add(result);
        }

        Assert.Equal([Scenario.UserId, string.Empty, "nobody", "user-2"], results.Select(r => r.UserId));
        Assert.Equal(
            [RecommendationOutcome.Completed, RecommendationOutcome.Failed, RecommendationOutcome.NoHistory, RecommendationOutcome.Completed],
            results.Select(r => r.Outcome));
        Assert.Contains("NullReferenceException", results[1].Error, StringComparison.Ordinal);
        Assert.Null(results[0].Error);
    }

    [Fact]
    public void The_settings_snapshot_records_the_model_and_every_weight()
    {
        var scenario = new Scenario();
        scenario.Add("Movie", Scenario.Axis(0));

        var session = scenario.Session(new RecommendationOptions { ContentWeight = 0.7, PicksPerUser = 12, Explanations = ExplanationMode.Template });

        using var json = JsonDocument.Parse(session.SettingsJson);
        Assert.Equal("test:tiny", json.RootElement.GetProperty("modelKey").GetString());
        Assert.Equal(0.7, json.RootElement.GetProperty("contentWeight").GetDouble());
        Assert.Equal(12, json.RootElement.GetProperty("picksPerUser").GetInt32());
        Assert.Equal("MultiInterest", json.RootElement.GetProperty("profile").GetString());
        Assert.Equal("None", json.RootElement.GetProperty("explanations").GetString());
        Assert.Equal("hybrid-v2", json.RootElement.GetProperty("algorithm").GetString());
    }
}
