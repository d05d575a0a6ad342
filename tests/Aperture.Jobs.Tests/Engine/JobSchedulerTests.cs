using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace Aperture.Jobs.Tests.Engine;

public sealed class JobSchedulerTests : IAsyncLifetime
{
    /// <summary>Tuesday 3 November 2026, 03:00 UTC: the first daily 03:00 (UTC) occurrence after <see cref="EngineHarness.Start"/>.</summary>
    private static readonly DateTimeOffset Tuesday0300 = new(2026, 11, 3, 3, 0, 0, TimeSpan.Zero);

    private readonly EngineHarness _engine = new();
    private IHostedService? _scheduler;

    public JobSchedulerTests() => _engine.Configure(static builder => builder.AddScheduler());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_scheduler is not null)
        {
            await _scheduler.StopAsync(CancellationToken.None);
        }

        await _engine.DisposeAsync();
    }

    [Fact]
    public async Task A_cron_schedule_fires_at_each_occurrence_in_the_local_time_zone_by_default()
    {
        _engine.Time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("Test/Plus2", TimeSpan.FromHours(2), "Test/Plus2", "Test/Plus2"));
        var sync = _engine.Job<JobA>("sync");
        sync.DefaultSchedule = JobSchedule.OnCron("0 3 * * *");
        await StartSchedulerAsync();

        Assert.Equal(EngineHarness.Start, await WatermarkAsync("sync"));
        _engine.Time.Advance(Tuesday0300 - EngineHarness.Start - TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        Assert.False(sync.HasUnobservedStart);

        _engine.Time.Advance(TimeSpan.FromMinutes(1));
        var first = await sync.NextStartAsync();
        _engine.Time.Advance(TimeSpan.FromDays(1));
        var second = await sync.NextStartAsync();

        var runs = (await _engine.HistoryAsync()).OrderBy(run => run.StartedAt).ToList();
        Assert.Equal([first.RunId, second.RunId], runs.Select(run => run.Id));
        Assert.Equal([Tuesday0300.AddHours(-2), Tuesday0300.AddDays(1).AddHours(-2)], runs.Select(run => run.StartedAt));
        Assert.All(runs, run => Assert.Equal(JobTrigger.Schedule, run.Trigger));
    }

    [Fact]
    public async Task A_configured_schedule_replaces_the_jobs_default()
    {
        var sync = _engine.Job<JobA>("sync");
        sync.DefaultSchedule = JobSchedule.OnCron("0 0 1 1 *");
        _engine.Settings["Aperture:Jobs:Schedules:sync"] = "TZ=UTC */30 * * * *";
        await StartSchedulerAsync();

        _engine.Time.Advance(TimeSpan.FromMinutes(30));
        await sync.NextStartAsync();

        Assert.Equal(EngineHarness.Start.AddMinutes(30), Assert.Single(await _engine.HistoryAsync()).StartedAt);
    }

    [Fact]
    public async Task An_after_schedule_starts_the_job_each_time_the_other_job_succeeds_except_inside_a_pipeline()
    {
        var recommendations = _engine.Job<JobA>("recommendations").Throws(new ApertureException("No vectors yet."));
        var libraries = _engine.Job<JobB>("libraries");
        _engine.Configure(static builder => builder.AddScheduler(options => options.Schedules["libraries"] = "after:recommendations"));
        await StartSchedulerAsync();

        Assert.Equal(JobRunStatus.Failed, (await _engine.Runner.RunAsync("recommendations")).Status);
        recommendations.Behavior = static (_, _) => Task.FromResult(JobScript.Succeeded());
        await _engine.Runner.RunAsync("recommendations");
        var triggered = await libraries.NextStartAsync();
        await _engine.EndOfRunAsync(triggered.RunId);

        await _engine.Runner.RunPipelineAsync(["recommendations"]);

        Assert.Empty(_engine.Runner.ActiveRuns);
        var run = Assert.Single(await _engine.HistoryAsync("libraries"));
        Assert.Equal((triggered.RunId, JobTrigger.Schedule, JobRunStatus.Succeeded), (run.Id, run.Trigger, run.Status));
        Assert.Equal(1, libraries.RunCount);
    }

    [Fact]
    public async Task A_tick_while_the_job_still_runs_is_skipped_and_logged()
    {
        var release = new TaskCompletionSource();
        var sync = _engine.Job<JobA>("sync").BlocksUntil(release.Task);
        sync.DefaultSchedule = JobSchedule.OnCron("0 * * * *");
        await StartSchedulerAsync();

        _engine.Time.Advance(TimeSpan.FromHours(1));
        var running = await sync.NextStartAsync();
        _engine.Time.Advance(TimeSpan.FromHours(1));
        var skipped = await _engine.WaitForLogAsync(log => log.Message.StartsWith("Scheduled run of job sync skipped", StringComparison.Ordinal));

        Assert.Equal($"Scheduled run of job sync skipped: run {running.RunId} is still Running", skipped.Message);
        Assert.Equal(EngineHarness.Start.AddHours(2), await WatermarkAsync("sync"));
        release.SetResult();
        Assert.Equal(JobRunStatus.Succeeded, (await _engine.EndOfRunAsync(running.RunId))!.Status);
        Assert.Single(await _engine.HistoryAsync());

        _engine.Time.Advance(TimeSpan.FromHours(1));
        await sync.NextStartAsync();
        Assert.Equal(2, sync.RunCount);
    }

    [Fact]
    public async Task Occurrences_missed_while_the_host_was_down_run_once_when_it_starts()
    {
        var sync = _engine.Job<JobA>("sync");
        sync.DefaultSchedule = JobSchedule.OnCron("0 3 * * *", TimeZoneInfo.Utc);
        var friday = new DateTimeOffset(2026, 10, 30, 3, 0, 5, TimeSpan.Zero);
        await _engine.Store.SetWatermarkAsync("scheduler:sync", friday);

        await StartSchedulerAsync();
        var caughtUp = await sync.NextStartAsync();

        var log = await _engine.WaitForLogAsync(log => log.Message.Contains("missed its occurrence", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 3, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(log.GetStructuredStateValue("Occurrence")!, CultureInfo.InvariantCulture));
        Assert.Equal(EngineHarness.Start, await WatermarkAsync("sync"));

        _engine.Time.Advance(Tuesday0300 - EngineHarness.Start);
        var next = await sync.NextStartAsync();

        var runs = (await _engine.HistoryAsync()).OrderBy(run => run.StartedAt).ToList();
        Assert.Equal([caughtUp.RunId, next.RunId], runs.Select(run => run.Id));
        Assert.Equal([EngineHarness.Start, Tuesday0300], runs.Select(run => run.StartedAt));
    }

    [Fact]
    public async Task With_catch_up_off_missed_occurrences_are_dropped_and_the_schedule_resumes()
    {
        var sync = _engine.Job<JobA>("sync");
        sync.DefaultSchedule = JobSchedule.OnCron("0 3 * * *", TimeZoneInfo.Utc);
        _engine.Configure(static builder => builder.AddScheduler(static options => options.CatchUpMissedRuns = false));
        await _engine.Store.SetWatermarkAsync("scheduler:sync", EngineHarness.Start.AddDays(-3));

        await StartSchedulerAsync();
        Assert.Equal(EngineHarness.Start, await WatermarkAsync("sync"));
        _engine.Time.Advance(Tuesday0300 - EngineHarness.Start);
        await sync.NextStartAsync();

        Assert.Equal(Tuesday0300, Assert.Single(await _engine.HistoryAsync()).StartedAt);
    }

    [Fact]
    public async Task A_scheduled_job_whose_prerequisite_never_succeeded_is_not_started_and_says_why()
    {
        _engine.Job<JobA>("sync");
        var recommend = _engine.Job<JobB>("recommend");
        recommend.Prerequisites = ["sync"];
        recommend.DefaultSchedule = JobSchedule.OnCron("*/5 * * * *");
        await StartSchedulerAsync();

        _engine.Time.Advance(TimeSpan.FromMinutes(5));
        var warning = await _engine.WaitForLogAsync(log => log.Message.StartsWith("Scheduled run of job recommend not started", StringComparison.Ordinal));

        Assert.Contains("Run 'sync' first", warning.Message, StringComparison.Ordinal);
        Assert.Equal(0, recommend.RunCount);
        Assert.Empty(await _engine.HistoryAsync());
    }

    [Fact]
    public async Task An_after_job_whose_trigger_succeeded_while_the_scheduler_was_not_running_runs_when_it_starts()
    {
        _engine.Job<JobA>("recommendations");
        var libraries = _engine.Job<JobB>("libraries");
        libraries.DefaultSchedule = JobSchedule.After("recommendations");
        await _engine.Runner.RunAsync("recommendations");
        Assert.Equal(0, libraries.RunCount);

        await StartSchedulerAsync();

        var run = await libraries.NextStartAsync();
        Assert.Equal(JobTrigger.Schedule, run.Trigger);
    }

    [Fact]
    public async Task On_shutdown_a_running_job_gets_the_grace_period_then_is_cancelled_and_recorded_as_cancelled()
    {
        var cancelled = false;
        var sync = _engine.Job<JobA>("sync");
        sync.Behavior = async (_, token) =>
        {
            using var registration = token.Register(() => cancelled = true);
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return JobScript.Succeeded();
        };
        _engine.Configure(static builder => builder.AddScheduler(options => options.ShutdownGracePeriod = TimeSpan.FromSeconds(30)));
        await StartSchedulerAsync();
        var run = await _engine.Runner.StartAsync("sync");
        await sync.NextStartAsync();

        var stopping = StopSchedulerAsync();
        await _engine.WaitForLogAsync(log => log.Message.StartsWith("Shutting down: waiting up to 00:00:30", StringComparison.Ordinal));
        _engine.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(cancelled);
        Assert.False(stopping.IsCompleted);
        _engine.Time.Advance(TimeSpan.FromSeconds(1));
        await stopping.WaitAsync(JobScript.Patience);

        Assert.True(cancelled);
        var recorded = Assert.Single(await _engine.HistoryAsync());
        Assert.Equal((run.RunId, JobRunStatus.Cancelled), (recorded.Id, recorded.Status));
        Assert.Equal("Cancelled: the host stopped and the run did not end within the 00:00:30 grace period.", recorded.Error);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _engine.Runner.StartAsync("sync"));
    }

    [Fact]
    public async Task On_shutdown_a_job_that_ends_within_the_grace_period_is_recorded_as_it_ended_and_queued_runs_are_cancelled()
    {
        var release = new TaskCompletionSource();
        var sync = _engine.Job<JobA>("sync").BlocksUntil(release.Task);
        var queuedJob = _engine.Job<JobB>("embeddings");
        await StartSchedulerAsync();
        var running = await _engine.Runner.StartAsync("sync");
        await sync.NextStartAsync();
        var queued = await _engine.Runner.StartAsync("embeddings");

        var stopping = StopSchedulerAsync();
        await _engine.WaitForLogAsync(log => log.Message.StartsWith("Shutting down: waiting up to", StringComparison.Ordinal));
        Assert.Equal(JobRunStatus.Cancelled, (await queued.Completion).Status);
        release.SetResult();
        await stopping.WaitAsync(JobScript.Patience);

        Assert.Equal(JobRunStatus.Succeeded, (await running.Completion).Status);
        Assert.Equal(0, queuedJob.RunCount);
        Assert.Equal(2, (await _engine.HistoryAsync()).Count);
    }

    private async Task StartSchedulerAsync()
    {
        _scheduler = _engine.SchedulerService;
        await _scheduler.StartAsync(CancellationToken.None);
    }

    private Task StopSchedulerAsync()
    {
        var scheduler = _scheduler!;
        _scheduler = null;
        return scheduler.StopAsync(CancellationToken.None);
    }

    private Task<DateTimeOffset?> WatermarkAsync(string jobName) => _engine.Store.GetWatermarkAsync($"scheduler:{jobName}");
}
