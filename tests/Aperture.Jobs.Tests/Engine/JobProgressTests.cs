namespace Aperture.Jobs.Tests.Engine;

public sealed class JobProgressTests
{
    private readonly JobProgressTracker _progress = Started();

    [Fact]
    public void Percent_is_the_finished_steps_share_plus_the_current_steps_item_share()
    {
        _progress.BeginStep(1, 4, "Embedding movies", itemsTotal: 200);
        _progress.Advance(50, "Inception (2010)");

        var snapshot = _progress.Current!;
        Assert.Equal(("Embedding movies", 1, 4, 50L, (long?)200, "Inception (2010)"), (snapshot.Step, snapshot.StepIndex, snapshot.StepCount, snapshot.ItemsDone, snapshot.ItemsTotal, snapshot.CurrentItem));
        Assert.Equal(31.25, snapshot.Percent);
    }

    [Fact]
    public void Items_beyond_the_total_are_counted_but_never_push_percent_past_the_step_or_past_100()
    {
        // The reference system once showed 7500 %: 750 items done of a total of 10.
        _progress.BeginStep(0, 1, "Writing libraries", itemsTotal: 10);
        _progress.Advance(750);
        Assert.Equal((750L, 100d), (_progress.Current!.ItemsDone, _progress.Current.Percent));

        _progress.BeginStep(2, 4, "Scoring", itemsTotal: 10);
        _progress.Advance(20);
        Assert.Equal(75, _progress.Current!.Percent);
    }

    [Fact]
    public void Percent_never_goes_backwards_within_a_step_when_the_total_grows()
    {
        _progress.BeginStep(0, 2, "Fetching movies", itemsTotal: 10);
        _progress.Advance(8);
        Assert.Equal(40, _progress.Current!.Percent);

        _progress.SetItemsTotal(100);
        Assert.Equal(40, _progress.Current!.Percent);
        _progress.Advance(50);
        Assert.Equal(40, _progress.Current!.Percent);
        _progress.Advance(30);
        Assert.Equal(44, _progress.Current!.Percent);

        _progress.BeginStep(1, 2, "Saving");
        Assert.Equal(50, _progress.Current!.Percent);
        Assert.Equal(0, _progress.Current.ItemsDone);
    }

    [Fact]
    public void Out_of_range_reports_are_clamped_instead_of_failing_the_run()
    {
        _progress.BeginStep(7, 3, " ", itemsTotal: -5);
        Assert.Equal(("Step 3 of 3", 2, 3, (long?)0), (_progress.Current!.Step, _progress.Current.StepIndex, _progress.Current.StepCount, _progress.Current.ItemsTotal));
        Assert.Equal(200d / 3, _progress.Current.Percent, precision: 10);

        _progress.BeginStep(-1, 0, "Only step");
        _progress.Advance(-4);
        _progress.SetItemsTotal(-1);
        Assert.Equal((0, 1, 0L, (long?)0, 0d), (_progress.Current!.StepIndex, _progress.Current.StepCount, _progress.Current.ItemsDone, _progress.Current.ItemsTotal, _progress.Current.Percent));
    }

    [Fact]
    public void Progress_reported_without_a_step_counts_items_with_an_unknown_share()
    {
        _progress.Advance(3, "first");
        Assert.Equal(("Starting", 3L, 0d), (_progress.Current!.Step, _progress.Current.ItemsDone, _progress.Current.Percent));
    }

    [Fact]
    public async Task Any_number_of_observers_follow_a_run_live_and_their_streams_end_with_it()
    {
        await using var engine = new EngineHarness();
        var proceed = new SemaphoreSlim(0);
        var job = engine.Job<JobA>("sync");
        job.Behavior = async (context, token) =>
        {
            context.Progress.BeginStep(0, 2, "Fetching", itemsTotal: 4);
            for (var i = 0; i < 4; i++)
            {
                await proceed.WaitAsync(token);
                context.Progress.Advance(1, $"page {i + 1}");
            }

            context.Progress.BeginStep(1, 2, "Saving", itemsTotal: 2);
            await proceed.WaitAsync(token);
            context.Progress.Advance(5);
            return JobScript.Succeeded();
        };

        var run = await engine.Runner.StartAsync("sync");
        var observers = Enumerable.Range(0, 3).Select(_ => CollectAsync(run.WatchProgressAsync())).ToArray();
        await job.NextStartAsync();
        for (var i = 0; i < 5; i++)
        {
            proceed.Release();
        }

        var ended = await run.Completion;
        var seen = await Task.WhenAll(observers).WaitAsync(JobScript.Patience);

        Assert.Equal(JobRunStatus.Succeeded, ended.Status);
        Assert.All(seen, snapshots =>
        {
            Assert.NotEmpty(snapshots);
            Assert.All(snapshots, snapshot => Assert.Equal((run.RunId, "sync"), (snapshot.RunId, snapshot.JobName)));
            Assert.All(snapshots, snapshot => Assert.InRange(snapshot.Percent, 0, 100));
            Assert.All(snapshots.Zip(snapshots.Skip(1)), pair => Assert.True(pair.Second.Percent >= pair.First.Percent, $"{pair.Second.Percent} after {pair.First.Percent}"));
            Assert.Equal(("Saving", 100d), (snapshots[^1].Step, snapshots[^1].Percent));
        });

        var late = await CollectAsync(run.WatchProgressAsync());
        Assert.Equal(run.Progress, Assert.Single(late));
    }

    [Fact]
    public async Task An_observer_that_stops_watching_leaves_the_run_going()
    {
        await using var engine = new EngineHarness();
        var release = new TaskCompletionSource();
        var job = engine.Job<JobA>("sync").BlocksUntil(release.Task);
        var run = await engine.Runner.StartAsync("sync");
        await job.NextStartAsync();
        using var stop = new CancellationTokenSource();

        var watching = CollectAsync(run.WatchProgressAsync(stop.Token));
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
        Assert.Equal(JobRunStatus.Running, run.Status);
        release.SetResult();
        Assert.Equal(JobRunStatus.Succeeded, (await run.Completion).Status);
    }

    private static JobProgressTracker Started()
    {
        var tracker = new JobProgressTracker(Guid.NewGuid(), "test");
        tracker.Start();
        return tracker;
    }

    private static async Task<List<JobProgress>> CollectAsync(IAsyncEnumerable<JobProgress> progress)
    {
        var snapshots = new List<JobProgress>();
        await foreach (var snapshot in progress)
        {
            snapshots.Add(snapshot);
        }

        return snapshots;
    }
}
