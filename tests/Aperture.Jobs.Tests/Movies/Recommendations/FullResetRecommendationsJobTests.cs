using Aperture.Recommendations;
using Microsoft.Extensions.Logging.Testing;

namespace Aperture.Jobs.Tests.Movies.Recommendations;

public sealed class FullResetRecommendationsJobTests
{
    private static async Task<Dictionary<string, RecommendationSet>> GenerateAsync(RecommendationJobHarness harness)
    {
        await harness.Generate.RunAsync(harness.Context(MovieJobNames.GenerateRecommendations).Context, CancellationToken.None);
        return await harness.LatestAsync();
    }

    [Fact]
    public async Task Is_manual_only_with_the_same_prerequisites()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        var job = harness.Reset;

        Assert.Equal("full-reset-movie-recommendations", job.Name);
        Assert.True(job.IsManualOnly);
        Assert.True(job.DefaultSchedule.IsManual);
        Assert.Equal([MovieJobNames.GenerateEmbeddings, MovieJobNames.SyncWatchHistory], job.Prerequisites);
    }

    [Fact]
    public async Task Rebuilds_every_users_picks_and_swaps_them_in_at_once()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        var old = await GenerateAsync(harness);
        harness.Time.Advance(TimeSpan.FromDays(1));

        var context = harness.Context(MovieJobNames.FullResetRecommendations);
        var result = await harness.Reset.RunAsync(context.Context, CancellationToken.None);

        var fresh = await harness.LatestAsync();
        Assert.Equal(old.Keys.Order(), fresh.Keys.Order());
        Assert.All(fresh, pair =>
        {
            Assert.NotEqual(old[pair.Key].Run.Id, pair.Value.Run.Id);
            Assert.Equal(harness.Time.GetUtcNow(), pair.Value.Run.CompletedAt);
            Assert.Equal(10, pair.Value.Picks.Count);
        });
        Assert.Equal(5, result["cleared"]);
        Assert.Equal(5, result["completed"]);
        Assert.Equal(1, result["noHistory"]);
        Assert.Equal(50, result["picks"]);
        Assert.Equal(6, context.Progress.ItemsAdvanced);
    }

    [Fact]
    public async Task A_reset_cancelled_halfway_leaves_every_old_pick_in_place()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        var old = await GenerateAsync(harness);
        using var cancellation = new CancellationTokenSource();
        var progress = new CancellingProgress(cancellation, afterItems: 2);
        var context = new JobContext(Guid.NewGuid(), MovieJobNames.FullResetRecommendations, null, JobTrigger.Manual, progress, new FakeLogger(), harness.Time);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Reset.RunAsync(context, cancellation.Token));

        var after = await harness.LatestAsync();
        Assert.Equal(old.ToDictionary(p => p.Key, p => p.Value.Run.Id), after.ToDictionary(p => p.Key, p => p.Value.Run.Id));
        Assert.Equal(2, progress.Items);
    }

    [Fact]
    public async Task A_reset_that_crashes_halfway_leaves_every_old_pick_in_place()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        var old = await GenerateAsync(harness);
        harness.Recommender.CrashAfter = 3;

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Reset.RunAsync(harness.Context(MovieJobNames.FullResetRecommendations).Context, CancellationToken.None));

        var after = await harness.LatestAsync();
        Assert.Equal(old.ToDictionary(p => p.Key, p => p.Value.Run.Id), after.ToDictionary(p => p.Key, p => p.Value.Run.Id));
    }

    [Fact]
    public async Task A_user_who_fails_during_the_reset_keeps_their_previous_picks()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        var old = await GenerateAsync(harness);
        var victim = harness.Users[2].Id;
        harness.Recommender.FailingUsers.Add(victim);

        var result = await harness.Reset.RunAsync(harness.Context(MovieJobNames.FullResetRecommendations).Context, CancellationToken.None);

        var after = await harness.LatestAsync();
        Assert.Equal(1, result["failed"]);
        Assert.Equal(4, result["completed"]);
        Assert.Equal(old[victim].Run.Id, after[victim].Run.Id);
        Assert.All(after.Where(p => p.Key != victim), p => Assert.NotEqual(old[p.Key].Run.Id, p.Value.Run.Id));
    }

    [Fact]
    public async Task When_every_user_fails_nothing_is_replaced()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        var old = await GenerateAsync(harness);
        harness.Recommender.FailingUsers.UnionWith(harness.Users.Select(u => u.Id));

        await Assert.ThrowsAsync<ApertureException>(() => harness.Reset.RunAsync(harness.Context(MovieJobNames.FullResetRecommendations).Context, CancellationToken.None));

        Assert.Equal(old.ToDictionary(p => p.Key, p => p.Value.Run.Id), (await harness.LatestAsync()).ToDictionary(p => p.Key, p => p.Value.Run.Id));
    }

    [Fact]
    public async Task The_reset_does_not_touch_user_preferences()
    {
        await using var harness = await RecommendationJobHarness.StartAsync();
        await GenerateAsync(harness);
        await harness.Store.SetExcludedLibrariesAsync(harness.Users[0].Id, [harness.Server.Libraries[1].Id]);
        var before = await harness.Store.GetUsersAsync();

        await harness.Reset.RunAsync(harness.Context(MovieJobNames.FullResetRecommendations).Context, CancellationToken.None);

        var after = await harness.Store.GetUsersAsync();
        Assert.Equal(
            before.Select(u => (u.Id, u.IsEnabled, string.Join(",", u.ExcludedLibraryIds))),
            after.Select(u => (u.Id, u.IsEnabled, string.Join(",", u.ExcludedLibraryIds))));
        Assert.False(after.Single(u => u.Id == harness.DisabledUserId).IsEnabled);
    }

    /// <summary>Cancels the run once the job has reported a number of items.</summary>
    private sealed class CancellingProgress(CancellationTokenSource cancellation, int afterItems) : IJobProgress
    {
        public long Items { get; private set; }

        public void BeginStep(int index, int count, string name, long? itemsTotal = null)
        {
        }

        public void SetItemsTotal(long itemsTotal)
        {
        }

        public void Advance(long items = 1, string? currentItem = null)
        {
            Items += items;
            if (Items >= afterItems)
            {
                cancellation.Cancel();
            }
        }
    }
}
