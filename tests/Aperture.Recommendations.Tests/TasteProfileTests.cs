using Aperture.Catalog;

namespace Aperture.Recommendations.Tests;

public sealed class TasteProfileTests
{
    private static readonly RecommendationOptions Options = new();

    private static WatchState Watch(Func<WatchState, WatchState>? configure = null)
    {
        var state = new WatchState { UserId = "u", MovieId = Guid.NewGuid(), Played = true, PlayCount = 1, LastPlayedAt = Scenario.Now };
        return configure?.Invoke(state) ?? state;
    }

    [Fact]
    public void A_fresh_single_play_weighs_one()
    {
        Assert.Equal(1, TasteProfileBuilder.Weight(Watch(), Options, Scenario.Now), 6);
    }

    [Fact]
    public void Plays_favourites_and_ratings_raise_the_weight()
    {
        Assert.Equal(1.5, TasteProfileBuilder.Weight(Watch(s => s with { PlayCount = 10 }), Options, Scenario.Now), 6);
        Assert.Equal(1.5, TasteProfileBuilder.Weight(Watch(s => s with { IsFavorite = true }), Options, Scenario.Now), 6);
        Assert.Equal(1.5, TasteProfileBuilder.Weight(Watch(s => s with { UserRating = 10 }), Options, Scenario.Now), 6);
        Assert.Equal(0.9, TasteProfileBuilder.Weight(Watch(s => s with { UserRating = 4 }), Options, Scenario.Now), 6);
    }

    [Theory]
    [InlineData(180, 0.5)]
    [InlineData(360, 0.25)]
    [InlineData(3_000, 0.25)]
    [InlineData(-5, 1)]
    public void Recency_halves_the_weight_every_half_life_down_to_a_quarter(int daysAgo, double expected)
    {
        Assert.Equal(expected, TasteProfileBuilder.Weight(Watch(s => s with { LastPlayedAt = Scenario.Now.AddDays(-daysAgo) }), Options, Scenario.Now), 6);
    }

    [Fact]
    public void A_play_without_a_date_counts_as_old()
    {
        Assert.Equal(0.25, TasteProfileBuilder.Weight(Watch(s => s with { LastPlayedAt = null }), Options, Scenario.Now), 6);
    }

    [Fact]
    public void The_profile_keeps_the_most_recent_watches_up_to_the_limit()
    {
        var scenario = new Scenario();
        for (var i = 0; i < 8; i++)
        {
            scenario.Watch(scenario.Add($"M{i}", Scenario.Axis(i % Scenario.Dimensions)), daysAgo: i);
        }

        scenario.Watch(scenario.Add("Undated", Scenario.Axis(1)), s => s with { LastPlayedAt = null });
        var dataset = scenario.Dataset();
        var options = new RecommendationOptions { RecentWatchLimit = 3 };

        var items = TasteProfileBuilder.SelectItems(dataset.WatchesOf(Scenario.UserId), options, Scenario.Now);

        Assert.Equal(["M0", "M1", "M2"], items.Select(i => dataset.Movies[i.Row].Title));
    }

    [Fact]
    public void Interests_are_unit_vectors_whose_shares_sum_to_one()
    {
        var scenario = new Scenario();
        for (var i = 0; i < 30; i++)
        {
            scenario.Watch(scenario.Add($"M{i}", Scenario.Axis(i % 3 * 3, i * 0.01f)), daysAgo: i);
        }

        var dataset = scenario.Dataset();
        var items = TasteProfileBuilder.SelectItems(dataset.WatchesOf(Scenario.UserId), Options, Scenario.Now);

        var profile = TasteProfileBuilder.Build(items, dataset, Options);

        Assert.Equal(3, profile.Interests.Count);
        Assert.Equal(1, profile.Interests.Sum(i => i.Share), 6);
        Assert.All(profile.Interests, i => Assert.Equal(1, Math.Sqrt(i.Vector.Sum(v => v * v)), 4));
        Assert.Single(TasteProfileBuilder.Build(items, dataset, new RecommendationOptions { Profile = TasteProfileKind.Centroid }).Interests);
    }
}
