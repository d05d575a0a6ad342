using Aperture.Catalog;

namespace Aperture.Recommendations.Tests;

/// <summary>Every exclusion rule, each against a candidate that would otherwise rank first.</summary>
public sealed class CandidateRuleTests
{
    [Fact]
    public async Task Played_movies_are_never_recommended()
    {
        var scenario = new Scenario();
        var seen = scenario.Add("Seen", Scenario.Axis(0));
        scenario.Add("Seen twin", Scenario.Axis(0, 0.1f));
        scenario.Add("Far", Scenario.Axis(4));
        scenario.Watch(seen);
        scenario.Watch(scenario.Add("Also seen", Scenario.Axis(0, 0.05f)), s => s with { Played = false, PlayCount = 2 });

        var result = await scenario.RecommendAsync();

        Assert.Equal(RecommendationOutcome.Completed, result.Outcome);
        Assert.Equal(["Seen twin", "Far"], scenario.Titles(result));
        Assert.Equal(2, result.CandidateCount);
    }

    [Theory]
    [InlineData(100, 5.0, false)]
    [InlineData(100, 4.9, true)]
    [InlineData(60, 3.0, false)]
    [InlineData(null, 5.0, false)]
    [InlineData(null, 4.0, true)]
    public async Task Movies_in_progress_past_five_percent_of_their_runtime_are_not_recommended(int? runtimeMinutes, double resumeMinutes, bool recommended)
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Seen", Scenario.Axis(0)));
        var started = scenario.Add("Started", Scenario.Axis(0, 0.1f), m => m with { RuntimeMinutes = runtimeMinutes });
        scenario.Add("Far", Scenario.Axis(4));
        scenario.Watch(started, s => s with { Played = false, PlayCount = 0, ResumePosition = TimeSpan.FromMinutes(resumeMinutes) });

        var result = await scenario.RecommendAsync();

        Assert.Equal(recommended, scenario.Titles(result).Contains("Started"));
    }

    [Fact]
    public async Task Other_copies_of_a_watched_film_are_not_recommended_but_a_remake_is()
    {
        var scenario = new Scenario();
        var original = scenario.Add("The Signal", Scenario.Axis(0), m => m with { Year = 1999, TmdbId = "100", ImdbId = "tt0000100" });
        scenario.Add("Signal, The (4K)", Scenario.Axis(0, 0.01f), m => m with { Year = 1999, TmdbId = "100" });
        scenario.Add("Signal UHD", Scenario.Axis(0, 0.02f), m => m with { Year = 1999, ImdbId = "TT0000100" });
        scenario.Add("the signal!", Scenario.Axis(0, 0.03f), m => m with { Year = 1999 });
        scenario.Add("The Signal", Scenario.Axis(0, 0.2f), m => m with { Year = 2021 });
        scenario.Watch(original);

        var result = await scenario.RecommendAsync();

        var pick = Assert.Single(result.Picks);
        Assert.Equal(2021, scenario.Dataset().Movies.Single(m => m.Id == pick.MovieId).Year);
    }

    [Fact]
    public async Task Two_copies_of_an_unwatched_film_are_picked_once()
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Seen", Scenario.Axis(0)));
        scenario.Add("Twin", Scenario.Axis(0, 0.1f), m => m with { TmdbId = "7" });
        scenario.Add("Twin (4K)", Scenario.Axis(0, 0.11f), m => m with { TmdbId = "7" });
        scenario.Add("Other", Scenario.Axis(0, 0.5f));

        var result = await scenario.RecommendAsync();

        Assert.Equal(["Twin", "Other"], scenario.Titles(result));
    }

    [Fact]
    public async Task Disliked_movies_are_never_recommended_nor_shape_the_taste()
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Loved", Scenario.Axis(0)), s => s with { UserRating = 9 });
        scenario.Watch(scenario.Add("Hated", Scenario.Axis(4)), s => s with { UserRating = 2, LastPlayedAt = Scenario.Now });
        scenario.Watch(scenario.Add("Rated, unseen", Scenario.Axis(0, 0.2f)), s => s with { Played = false, PlayCount = 0, UserRating = 3 });
        scenario.Add("Like loved", Scenario.Axis(0, 0.3f));
        scenario.Add("Like hated", Scenario.Axis(4, 0.1f));
        scenario.Add("Rated copy", Scenario.Axis(0, 0.21f), m => m with { Title = "Rated, unseen", Year = 2002 });

        var result = await scenario.RecommendAsync();

        Assert.Equal("Like loved", scenario.Titles(result)[0]);
        Assert.DoesNotContain("Rated, unseen", scenario.Titles(result));
        Assert.Equal(2, result.CandidateCount);
    }

    [Fact]
    public async Task A_rating_above_the_threshold_is_no_dislike()
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Seen", Scenario.Axis(0)));
        scenario.Watch(scenario.Add("Rated four", Scenario.Axis(0, 0.1f)), s => s with { Played = false, PlayCount = 0, UserRating = 4 });

        var result = await scenario.RecommendAsync();

        Assert.Equal(["Rated four"], scenario.Titles(result));
    }

    [Theory]
    [InlineData("G", true)]
    [InlineData("PG-13", true)]
    [InlineData("TV-14", true)]
    [InlineData("R", false)]
    [InlineData("US-R", false)]
    [InlineData("NC-17", false)]
    [InlineData("NR", false)]
    [InlineData("Unrated", false)]
    [InlineData("Approved", true)]
    [InlineData(null, true)]
    public async Task Movies_above_the_users_parental_limit_are_not_recommended(string? officialRating, bool recommended)
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Seen", Scenario.Axis(0)));
        scenario.Add("Rated", Scenario.Axis(0, 0.1f), m => m with { OfficialRating = officialRating });

        var limited = await scenario.RecommendAsync(user: Scenario.User(u => u with { MaxParentalRating = 7 }));
        var unlimited = await scenario.RecommendAsync();

        Assert.Equal(recommended, scenario.Titles(limited).Contains("Rated"));
        Assert.Contains("Rated", scenario.Titles(unlimited));
    }

    [Fact]
    public async Task Movies_of_excluded_or_inaccessible_libraries_are_not_recommended()
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Seen", Scenario.Axis(0)));
        scenario.Add("Kids", Scenario.Axis(0, 0.1f), m => m with { LibraryId = "lib-kids" });
        scenario.Add("Private", Scenario.Axis(0, 0.2f), m => m with { LibraryId = "lib-private" });
        scenario.Add("Main", Scenario.Axis(0, 0.3f));
        scenario.Add("Unknown library", Scenario.Axis(0, 0.4f), m => m with { LibraryId = null });

        var excluded = await scenario.RecommendAsync(user: Scenario.User(excludedLibraries: ["lib-kids"]));
        var restricted = await scenario.RecommendAsync(user: Scenario.User(u => u with { HasAccessToAllLibraries = false, LibraryIds = [Scenario.MainLibrary, "lib-kids"] }));

        Assert.Equal(["Private", "Main", "Unknown library"], scenario.Titles(excluded));
        Assert.Equal(["Kids", "Main", "Unknown library"], scenario.Titles(restricted));
    }

    [Fact]
    public async Task Removed_movies_shape_the_taste_but_are_never_recommended()
    {
        var scenario = new Scenario();
        scenario.Watch(scenario.Add("Seen, since removed", Scenario.Axis(2), m => m with { RemovedAt = Scenario.Now.AddDays(-1) }));
        scenario.Add("Removed twin", Scenario.Axis(2, 0.05f), m => m with { RemovedAt = Scenario.Now.AddDays(-1) });
        scenario.Add("Near", Scenario.Axis(2, 0.3f));
        scenario.Add("Far", Scenario.Axis(6));

        var result = await scenario.RecommendAsync();

        Assert.Equal(["Near", "Far"], scenario.Titles(result));
    }

    [Fact]
    public async Task A_user_without_plays_or_favourites_has_no_history_yet()
    {
        var scenario = new Scenario();
        var movie = scenario.Add("Started", Scenario.Axis(0));
        scenario.Add("Other", Scenario.Axis(1));
        scenario.Watch(movie, s => s with { Played = false, PlayCount = 0, ResumePosition = TimeSpan.FromMinutes(30) });

        var started = await scenario.RecommendAsync();
        var stranger = await scenario.RecommendAsync(user: Scenario.User(id: "nobody"));

        Assert.Equal(RecommendationOutcome.NoHistory, started.Outcome);
        Assert.True(stranger.NoHistory);
        Assert.Empty(stranger.Picks);
    }

    [Fact]
    public async Task A_favourite_counts_as_taste_even_unplayed_but_stays_a_candidate()
    {
        var scenario = new Scenario();
        var favourite = scenario.Add("Favourite", Scenario.Axis(3));
        scenario.Add("Near favourite", Scenario.Axis(3, 0.2f));
        scenario.Add("Far", Scenario.Axis(7));
        scenario.Watch(favourite, s => s with { Played = false, PlayCount = 0, IsFavorite = true });

        var result = await scenario.RecommendAsync();

        Assert.Equal(["Favourite", "Near favourite", "Far"], scenario.Titles(result));
    }
}
