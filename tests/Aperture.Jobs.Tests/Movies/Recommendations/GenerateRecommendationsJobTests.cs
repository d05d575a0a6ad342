using System.Text.Json;
using Aperture.Recommendations;

namespace Aperture.Jobs.Tests.Movies.Recommendations;

public sealed class GenerateRecommendationsJobTests
{
    private static async Task<Dictionary<string, RecommendationSet>> RunAsync(RecommendationJobHarness harness)
    {
        await harness.Generate.RunAsync(harness.Context(MovieJobNames.GenerateRecommendations).Context, CancellationToken.None);
        return await harness.LatestAsync();
    }

    [Fact]
    public async Task Describes_itself_as_the_weekly_job_after_embeddings_and_watch_history()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        var job = harness.Generate;

        Assert.Equal("generate-movie-recommendations", job.Name);
        Assert.False(job.IsManualOnly);
        Assert.NotNull(job.DefaultSchedule.Cron);
        Assert.Equal([MovieJobNames.GenerateEmbeddings, MovieJobNames.SyncWatchHistory], job.Prerequisites);
    }

    [Fact]
    public async Task Stores_a_run_with_picks_for_every_active_user_and_counts_the_rest()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        var context = harness.Context(MovieJobNames.GenerateRecommendations);

        var result = await harness.Generate.RunAsync(context.Context, CancellationToken.None);

        // Six generated users, the last turned off, plus a newcomer without history.
        Assert.Equal(6, result["users"]);
        Assert.Equal(5, result["completed"]);
        Assert.Equal(1, result["noHistory"]);
        Assert.Equal(0, result["failed"]);
        Assert.Equal(50, result["picks"]);
        Assert.Equal(6, result.ItemsProcessed);
        Assert.Equal(["Loading movies, vectors and watch history", "Computing picks"], context.Progress.Steps);
        Assert.Equal(6, context.Progress.ItemsAdvanced);

        var latest = await harness.LatestAsync();
        Assert.Equal(harness.Users.Take(5).Select(u => u.Id).Order(), latest.Keys.Order());
        foreach (var set in latest.Values)
        {
            Assert.Equal(RecommendationRunStatus.Completed, set.Run.Status);
            Assert.Equal(harness.Server.Model!.Key, set.Run.ModelKey);
            Assert.InRange(set.Run.CandidateCount, 10, harness.Server.Movies.Count);
            Assert.Equal(harness.Time.GetUtcNow(), set.Run.CompletedAt);
            Assert.True(set.Run.Duration >= TimeSpan.Zero);
            Assert.Equal(10, JsonDocument.Parse(set.Run.SettingsJson).RootElement.GetProperty("picksPerUser").GetInt32());
            Assert.Equal(Enumerable.Range(1, 10), set.Picks.Select(p => p.Rank));
            Assert.All(set.Picks, p => Assert.NotEmpty(p.Evidence));
            Assert.All(set.Picks, p => Assert.False(string.IsNullOrWhiteSpace(p.Explanation)));
        }

        Assert.Contains(context.Logger.Collector.GetSnapshot(), r => r.Message.Contains("has no watch history yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Users_excluded_by_the_shared_user_selection_get_no_picks()
    {
        await using var probe = await RecommendationJobHarness.StartAsync();
        var excluded = probe.Users[0];
        await using var harness = await RecommendationJobHarness.StartAsync(excludedUsers: [excluded.Name]);

        var result = await harness.Generate.RunAsync(harness.Context(MovieJobNames.GenerateRecommendations).Context, CancellationToken.None);

        Assert.Equal(5, result["users"]);
        Assert.Equal(4, result["completed"]);
        var latest = await harness.LatestAsync();
        Assert.DoesNotContain(excluded.Id, latest.Keys);
    }

    [Fact]
    public async Task A_second_run_replaces_each_users_picks_with_a_new_run()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        await harness.Generate.RunAsync(harness.Context(MovieJobNames.GenerateRecommendations).Context, CancellationToken.None);
        var first = await harness.LatestAsync();

        harness.Time.Advance(TimeSpan.FromDays(7));
        await harness.Generate.RunAsync(harness.Context(MovieJobNames.GenerateRecommendations).Context, CancellationToken.None);
        var second = await harness.LatestAsync();

        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.All(second, pair =>
        {
            Assert.NotEqual(first[pair.Key].Run.Id, pair.Value.Run.Id);
            Assert.Equal(harness.Time.GetUtcNow(), pair.Value.Run.CompletedAt);
            Assert.Equal(first[pair.Key].Picks.Select(p => p.MovieId), pair.Value.Picks.Select(p => p.MovieId));
        });
    }

    [Fact]
    public async Task A_user_whose_picks_cannot_be_stored_keeps_the_old_ones_and_the_others_go_on()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        var old = await RunAsync(harness);
        var refused = harness.Users[1].Id;
        harness.PickStore.RefusedUserId = refused;
        harness.Time.Advance(TimeSpan.FromDays(7));

        var context = harness.Context(MovieJobNames.GenerateRecommendations);
        var result = await harness.Generate.RunAsync(context.Context, CancellationToken.None);

        Assert.Equal(4, result["completed"]);
        Assert.Equal(1, result["failed"]);
        var latest = await harness.LatestAsync();
        Assert.Equal(old[refused].Run.Id, latest[refused].Run.Id);
        Assert.All(latest.Where(p => p.Key != refused), p => Assert.NotEqual(old[p.Key].Run.Id, p.Value.Run.Id));
        Assert.Equal("The disk is full.", Assert.Single(harness.PickStore.FailedRuns).Error);
        Assert.Contains(context.Logger.Collector.GetSnapshot(), r => r.Message.Contains("previous picks stay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_the_recommender_fails_is_recorded_failed_and_keeps_earlier_picks()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        var old = await RunAsync(harness);
        var victim = harness.Users[0].Id;
        harness.Recommender.FailingUsers.Add(victim);

        var result = await harness.Generate.RunAsync(harness.Context(MovieJobNames.GenerateRecommendations).Context, CancellationToken.None);

        Assert.Equal(4, result["completed"]);
        Assert.Equal(1, result["failed"]);
        Assert.Equal("The vectors are corrupt.", Assert.Single(harness.PickStore.FailedRuns).Error);
        Assert.Equal(old[victim].Run.Id, (await harness.LatestAsync())[victim].Run.Id);
    }

    [Fact]
    public async Task When_every_user_fails_the_run_fails_and_says_why()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        harness.Recommender.FailingUsers.UnionWith(harness.Users.Select(u => u.Id));

        var error = await Assert.ThrowsAsync<ApertureException>(() => harness.Generate.RunAsync(harness.Context(MovieJobNames.GenerateRecommendations).Context, CancellationToken.None));

        Assert.Contains("failed for every user with history (5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("The vectors are corrupt.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Generate.RunAsync(harness.Context(MovieJobNames.GenerateRecommendations).Context, cancelled.Token));
        Assert.Empty(await harness.LatestAsync());
    }
}
