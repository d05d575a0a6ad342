using System.Runtime.CompilerServices;
using Aperture.Recommendations;
using static Aperture.Storage.Contract.StoreTestData;

namespace Aperture.Storage.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_completed_run_becomes_the_users_latest_with_picks_in_rank_order()
    {
        var run = Run("u1");
        var picks = Picks(5);
        await Store.BeginRunAsync(run with { Status = RecommendationRunStatus.Completed });
        Assert.Null(await Store.GetLatestAsync("u1"));

        await Store.CompleteRunAsync(run.Id, Now.AddMinutes(2), candidateCount: 1234, [.. picks.Reverse()]);

        var latest = await Store.GetLatestAsync("u1");
        Assert.NotNull(latest);
        Assert.Equal(run with { Status = RecommendationRunStatus.Completed, CompletedAt = Now.AddMinutes(2), CandidateCount = 1234 }, latest.Run);
        Assert.Equal(TimeSpan.FromMinutes(2), latest.Run.Duration);
        AssertPicksEqual(picks, latest.Picks);
    }

    [Fact]
    public async Task Completing_a_users_run_replaces_that_users_picks_only()
    {
        var (first, other) = (Run("u1"), Run("u2"));
        await Store.BeginRunAsync(first);
        await Store.BeginRunAsync(other);
        await Store.CompleteRunAsync(first.Id, Now, 10, Picks(3));
        await Store.CompleteRunAsync(other.Id, Now, 10, Picks(4));
        var second = Run("u1", Now.AddDays(1));
        var newPicks = Picks(2, seed: 7);

        await Store.BeginRunAsync(second);
        await Store.CompleteRunAsync(second.Id, Now.AddDays(1), 20, newPicks);

        var latest = await Store.GetLatestAsync("u1");
        Assert.Equal(second.Id, latest!.Run.Id);
        AssertPicksEqual(newPicks, latest.Picks);
        Assert.Equal(4, (await Store.GetLatestAsync("u2"))!.Picks.Count);
        Assert.Equal([second.Id, other.Id], (await Store.GetAllLatestAsync()).Select(s => s.Run.Id));
    }

    [Fact]
    public async Task A_failed_run_leaves_the_previous_picks_current()
    {
        var done = Run("u1");
        var picks = Picks(3);
        await Store.BeginRunAsync(done);
        await Store.CompleteRunAsync(done.Id, Now, 10, picks);
        var failing = Run("u1", Now.AddDays(1));
        await Store.BeginRunAsync(failing);

        await Store.FailRunAsync(failing.Id, Now.AddDays(1), "The embedding model has no vectors.");

        var latest = await Store.GetLatestAsync("u1");
        Assert.Equal(done.Id, latest!.Run.Id);
        AssertPicksEqual(picks, latest.Picks);
    }

    [Fact]
    public async Task Run_transitions_are_checked()
    {
        var run = Run("u1");
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.CompleteRunAsync(run.Id, Now, 0, []));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.FailRunAsync(run.Id, Now, "x"));

        await Store.BeginRunAsync(run);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.BeginRunAsync(run));
        await Store.CompleteRunAsync(run.Id, Now, 0, []);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CompleteRunAsync(run.Id, Now, 0, []));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.FailRunAsync(run.Id, Now, "x"));
        Assert.Empty((await Store.GetLatestAsync("u1"))!.Picks);
    }

    [Fact]
    public async Task Replace_all_swaps_every_users_picks()
    {
        await SeedRunsAsync();
        var replacement = new[] { Completed(Run("u2"), Picks(2, seed: 5)), Completed(Run("u3"), Picks(1)) };

        var deleted = await Store.ReplaceAllAsync(Stream(replacement));

        Assert.Equal(3, deleted);
        Assert.Null(await Store.GetLatestAsync("u1"));
        var all = await Store.GetAllLatestAsync();
        Assert.Equal(replacement.Select(s => s.Run), all.Select(s => s.Run));
        AssertPicksEqual(replacement[0].Picks, all[0].Picks);
    }

    [Fact]
    public async Task Replace_all_keeps_the_old_picks_when_the_replacement_fails_halfway()
    {
        var before = await SeedRunsAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ReplaceAllAsync(Stream(
            [Completed(Run("u1"), Picks(2)), Completed(Run("u2"), Picks(2))],
            failAfter: new InvalidOperationException("The recommender crashed."))));

        Assert.Equal("The recommender crashed.", error.Message);
        await AssertLatestUnchangedAsync(before);
    }

    [Fact]
    public async Task Replace_all_keeps_the_old_picks_when_cancelled()
    {
        var before = await SeedRunsAsync();
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ReplaceAllAsync(
            Stream([Completed(Run("u1"), Picks(2)), Completed(Run("u2"), Picks(2))], afterFirst: cancellation.Cancel),
            cancellation.Token));

        await AssertLatestUnchangedAsync(before);
    }

    [Fact]
    public async Task Replace_all_rejects_two_sets_for_one_user_and_changes_nothing()
    {
        var before = await SeedRunsAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceAllAsync(Stream([Completed(Run("u9"), Picks(1)), Completed(Run("u9"), Picks(1))])));

        await AssertLatestUnchangedAsync(before);
    }

    /// <summary>u1 and u2 with completed runs, plus a failed run of u1: three runs in all.</summary>
    private async Task<IReadOnlyList<RecommendationSet>> SeedRunsAsync()
    {
        foreach (var userId in new[] { "u1", "u2" })
        {
            var run = Run(userId);
            await Store.BeginRunAsync(run);
            await Store.CompleteRunAsync(run.Id, Now, 50, Picks(3));
        }

        var failed = Run("u1", Now.AddHours(1));
        await Store.BeginRunAsync(failed);
        await Store.FailRunAsync(failed.Id, Now.AddHours(1), "boom");
        return await Store.GetAllLatestAsync();
    }

    private async Task AssertLatestUnchangedAsync(IReadOnlyList<RecommendationSet> before)
    {
        var after = await Store.GetAllLatestAsync();
        Assert.Equal(before.Select(s => s.Run), after.Select(s => s.Run));
        foreach (var (expected, actual) in before.Zip(after))
        {
            AssertPicksEqual(expected.Picks, actual.Picks);
        }
    }

    private static RecommendationSet Completed(RecommendationRun run, IReadOnlyList<MoviePick> picks) =>
        new(run with { Status = RecommendationRunStatus.Completed, CompletedAt = run.StartedAt.AddMinutes(1), CandidateCount = 99 }, picks);

    private static async IAsyncEnumerable<RecommendationSet> Stream(
        IEnumerable<RecommendationSet> sets,
        Exception? failAfter = null,
        Action? afterFirst = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var set in sets)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return set;
            afterFirst?.Invoke();
            afterFirst = null;
        }

        if (failAfter is not null)
        {
            throw failAfter;
        }
    }

    private static void AssertPicksEqual(IReadOnlyList<MoviePick> expected, IReadOnlyList<MoviePick> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e with { Evidence = [] }, a with { Evidence = [] });
            Assert.Equal(e.Evidence, a.Evidence);
        }
    }
}
