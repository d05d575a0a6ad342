using Microsoft.Extensions.Logging;

namespace Aperture.Jobs.Tests.Engine;

public sealed class JobRunnerTests : IAsyncLifetime
{
    private readonly EngineHarness _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_run_is_one_history_row_inserted_at_start_and_updated_at_the_end()
    {
        var release = new TaskCompletionSource();
        var job = _engine.Job<JobA>("alpha").BlocksUntil(release.Task);
        job.Behavior = async (context, token) =>
        {
            await release.Task.WaitAsync(token);
            return new JobResult("3 items: 2 added", 3, 4, new Dictionary<string, long> { ["added"] = 2 });
        };

        var run = await _engine.Runner.StartAsync("alpha", variant: "full");
        await job.NextStartAsync();
        _engine.Time.Advance(TimeSpan.FromMinutes(5));

        var whileRunning = Assert.Single(await _engine.HistoryAsync());
        Assert.Equal(run.RunId, whileRunning.Id);
        Assert.Equal(JobRunStatus.Running, whileRunning.Status);
        Assert.Equal(EngineHarness.Start, whileRunning.StartedAt);
        Assert.Null(whileRunning.EndedAt);

        release.SetResult();
        var ended = await run.Completion;

        var row = Assert.Single(await _engine.HistoryAsync());
        Assert.Equal(ended, row with { Counts = ended.Counts });
        Assert.Equal(run.RunId, row.Id);
        Assert.Equal("alpha", row.JobName);
        Assert.Equal("full", row.Variant);
        Assert.Equal(JobTrigger.Manual, row.Trigger);
        Assert.Equal(JobRunStatus.Succeeded, row.Status);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Duration);
        Assert.Equal("3 items: 2 added", row.Summary);
        Assert.Equal((3L, 4L), (row.ItemsProcessed, row.ItemsTotal!.Value));
        Assert.Equal(2, row.Counts["added"]);
        Assert.Null(row.Error);
    }

    [Fact]
    public async Task An_exception_inside_a_job_is_recorded_as_a_failed_run_and_never_escapes()
    {
        _engine.Job<JobA>("alpha").Throws(new InvalidOperationException("The disk is full."));
        _engine.Job<JobB>("beta").Throws(new ApertureException("The media server rejected the API key; set a new one."));

        var alpha = await _engine.Runner.RunAsync("alpha");
        var beta = await _engine.Runner.RunAsync("beta");

        Assert.Equal(JobRunStatus.Failed, alpha.Status);
        Assert.Equal("InvalidOperationException: The disk is full.", alpha.Error);
        Assert.Equal("The media server rejected the API key; set a new one.", beta.Error);
        Assert.Equal(2, (await _engine.HistoryAsync()).Count);
        Assert.Equal(alpha, Assert.Single(await _engine.HistoryAsync("alpha")) with { Counts = alpha.Counts });
        Assert.Contains(_engine.Logs.GetSnapshot(), log => log.Level == LogLevel.Error && log.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task A_job_name_runs_at_most_once_at_a_time_and_a_second_start_gets_the_running_runs_id()
    {
        var release = new TaskCompletionSource();
        var job = _engine.Job<JobA>("alpha").BlocksUntil(release.Task);
        var first = await _engine.Runner.StartAsync("alpha");
        await job.NextStartAsync();

        var refused = await Assert.ThrowsAsync<JobAlreadyRunningException>(() => _engine.Runner.StartAsync("ALPHA", trigger: JobTrigger.Schedule));

        Assert.Equal(first.RunId, refused.RunId);
        Assert.Equal(JobRunStatus.Running, refused.Status);
        Assert.Contains(first.RunId.ToString(), refused.Message, StringComparison.Ordinal);
        release.SetResult();
        await first.Completion;
        Assert.Equal(JobRunStatus.Succeeded, (await _engine.Runner.RunAsync("alpha")).Status);
        Assert.Equal(2, job.RunCount);
        Assert.Equal(2, (await _engine.HistoryAsync()).Count);
    }

    [Fact]
    public async Task Jobs_run_one_at_a_time_and_queued_starts_run_in_request_order()
    {
        var order = new List<string>();
        var releaseAlpha = new TaskCompletionSource();
        var alpha = _engine.Job<JobA>("alpha").BlocksUntil(releaseAlpha.Task);
        var releaseBeta = new TaskCompletionSource();
        var beta = _engine.Job<JobB>("beta").BlocksUntil(releaseBeta.Task);
        var gamma = _engine.Job<JobC>("gamma");
        foreach (var job in new[] { alpha, beta, gamma })
        {
            var behavior = job.Behavior;
            job.Behavior = (context, token) =>
            {
                lock (order)
                {
                    order.Add(context.JobName);
                }

                return behavior(context, token);
            };
        }

        var alphaRun = await _engine.Runner.StartAsync("alpha");
        await alpha.NextStartAsync();
        var betaRun = await _engine.Runner.StartAsync("beta");
        var gammaRun = await _engine.Runner.StartAsync("gamma");

        Assert.Equal([JobRunStatus.Running, JobRunStatus.Queued, JobRunStatus.Queued], [alphaRun.Status, betaRun.Status, gammaRun.Status]);
        Assert.Equal([alphaRun.RunId, betaRun.RunId, gammaRun.RunId], _engine.Runner.ActiveRuns.Select(run => run.RunId));
        Assert.Null(betaRun.Progress);
        Assert.Equal(0, beta.RunCount);
        var refused = await Assert.ThrowsAsync<JobAlreadyRunningException>(() => _engine.Runner.StartAsync("beta"));
        Assert.Equal((betaRun.RunId, JobRunStatus.Queued), (refused.RunId, refused.Status));

        releaseAlpha.SetResult();
        await beta.NextStartAsync();
        Assert.Equal(JobRunStatus.Queued, gammaRun.Status);
        Assert.Equal(0, gamma.RunCount);

        releaseBeta.SetResult();
        Assert.Equal(JobRunStatus.Succeeded, (await gammaRun.Completion).Status);
        Assert.Equal(["alpha", "beta", "gamma"], order);
        Assert.All(await _engine.HistoryAsync(), run => Assert.Equal(JobRunStatus.Succeeded, run.Status));
    }

    [Fact]
    public async Task A_queued_start_can_be_cancelled_while_it_waits_and_is_recorded_once_without_running()
    {
        var release = new TaskCompletionSource();
        var alpha = _engine.Job<JobA>("alpha").BlocksUntil(release.Task);
        var beta = _engine.Job<JobB>("beta");
        var gamma = _engine.Job<JobC>("gamma");
        var alphaRun = await _engine.Runner.StartAsync("alpha");
        await alpha.NextStartAsync();
        var betaRun = await _engine.Runner.StartAsync("beta");
        var gammaRun = await _engine.Runner.StartAsync("gamma");
        _engine.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(betaRun.Cancel());
        var cancelled = await betaRun.Completion;

        Assert.Equal(JobRunStatus.Cancelled, cancelled.Status);
        Assert.Contains("queue", cancelled.Error, StringComparison.Ordinal);
        Assert.Equal((EngineHarness.Start, EngineHarness.Start.AddSeconds(30)), (cancelled.StartedAt, cancelled.EndedAt!.Value));
        Assert.False(betaRun.Cancel());
        Assert.False(_engine.Runner.Cancel(betaRun.RunId));
        Assert.Equal(JobRunStatus.Running, alphaRun.Status);

        release.SetResult();
        Assert.Equal(JobRunStatus.Succeeded, (await gammaRun.Completion).Status);
        Assert.Equal(0, beta.RunCount);
        Assert.Equal(1, gamma.RunCount);
        Assert.Equal(cancelled, Assert.Single(await _engine.HistoryAsync("beta")) with { Counts = cancelled.Counts });
        Assert.Equal(3, (await _engine.HistoryAsync()).Count);
    }

    [Fact]
    public async Task More_jobs_run_at_once_when_configured()
    {
        _engine.Settings["Aperture:Jobs:MaxConcurrentRuns"] = "2";
        var release = new TaskCompletionSource();
        var alpha = _engine.Job<JobA>("alpha").BlocksUntil(release.Task);
        var beta = _engine.Job<JobB>("beta").BlocksUntil(release.Task);
        _engine.Job<JobC>("gamma");

        var runs = new[] { await _engine.Runner.StartAsync("alpha"), await _engine.Runner.StartAsync("beta"), await _engine.Runner.StartAsync("gamma") };
        await alpha.NextStartAsync();
        await beta.NextStartAsync();

        Assert.Equal([JobRunStatus.Running, JobRunStatus.Running, JobRunStatus.Queued], runs.Select(run => run.Status));
        release.SetResult();
        Assert.All(await Task.WhenAll(runs.Select(run => run.Completion)), run => Assert.Equal(JobRunStatus.Succeeded, run.Status));
    }

    [Fact]
    public async Task Cancelling_a_run_stops_the_job_through_its_token_and_frees_its_turn()
    {
        var observedCancellation = false;
        var job = _engine.Job<JobA>("alpha");
        job.Behavior = async (context, token) =>
        {
            // Works item after item, waiting on the (fake) clock between them, like a paced sync.
            context.Progress.BeginStep(0, 1, "Working", itemsTotal: 1_000);
            try
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), context.TimeProvider, token);
                    context.Progress.Advance();
                }
            }
            catch (OperationCanceledException)
            {
                observedCancellation = true;
                throw;
            }
        };
        var next = _engine.Job<JobB>("beta");

        var run = await _engine.Runner.StartAsync("alpha");
        await job.NextStartAsync();
        var queued = await _engine.Runner.StartAsync("beta");
        Assert.True(_engine.Runner.Cancel(run.RunId));
        var ended = await run.Completion;

        Assert.True(observedCancellation);
        Assert.Equal(JobRunStatus.Cancelled, ended.Status);
        Assert.Equal("Cancelled on request.", ended.Error);
        Assert.Equal(ended, Assert.Single(await _engine.HistoryAsync("alpha")) with { Counts = ended.Counts });
        Assert.Equal(JobRunStatus.Succeeded, (await queued.Completion).Status);
        Assert.Equal(1, next.RunCount);
    }

    [Fact]
    public async Task Cancelling_the_token_of_run_and_wait_cancels_the_run_and_returns_it()
    {
        var job = _engine.Job<JobA>("alpha").BlocksUntil(new TaskCompletionSource().Task);
        using var cancellation = new CancellationTokenSource();

        var running = _engine.Runner.RunAsync("alpha", cancellationToken: cancellation.Token);
        await job.NextStartAsync();
        await cancellation.CancelAsync();
        var ended = await running;

        Assert.Equal(JobRunStatus.Cancelled, ended.Status);
        Assert.Equal(JobRunStatus.Cancelled, Assert.Single(await _engine.HistoryAsync()).Status);
    }

    [Fact]
    public async Task An_unknown_job_name_is_refused_with_the_known_names()
    {
        _engine.Job<JobA>("sync-movies");
        _engine.Job<JobB>("sync-movie-libraries");

        var refused = await Assert.ThrowsAsync<UnknownJobException>(() => _engine.Runner.StartAsync("sync-movie"));

        Assert.Equal("There is no job named 'sync-movie'. Known jobs: sync-movies, sync-movie-libraries.", refused.Message);
        Assert.Equal(["sync-movies", "sync-movie-libraries"], refused.KnownJobs);
        Assert.Empty(await _engine.HistoryAsync());
    }

    [Fact]
    public async Task A_missing_prerequisite_fails_fast_naming_the_job_to_run_first()
    {
        var embeddings = _engine.Job<JobA>(MovieJobNames.GenerateEmbeddings);
        _engine.Job<JobB>(MovieJobNames.SyncWatchHistory);
        var recommendations = _engine.Job<JobC>(MovieJobNames.GenerateRecommendations);
        recommendations.Prerequisites = [MovieJobNames.GenerateEmbeddings, MovieJobNames.SyncWatchHistory];
        embeddings.Throws(new ApertureException("No embedding provider is configured."));
        await _engine.Runner.RunAsync(MovieJobNames.GenerateEmbeddings);

        var refused = await Assert.ThrowsAsync<JobPrerequisiteMissingException>(() => _engine.Runner.StartAsync(MovieJobNames.GenerateRecommendations));

        Assert.Equal(
            "Job 'generate-movie-recommendations' needs a successful run of 'generate-movie-embeddings' and 'sync-movie-watch-history' first. "
            + "Run 'generate-movie-embeddings' first (or run the whole pipeline), then start 'generate-movie-recommendations' again.",
            refused.Message);
        Assert.Equal(0, recommendations.RunCount);

        embeddings.Behavior = static (_, _) => Task.FromResult(JobScript.Succeeded());
        await _engine.Runner.RunAsync(MovieJobNames.GenerateEmbeddings);
        await _engine.Runner.RunAsync(MovieJobNames.SyncWatchHistory);
        Assert.Equal(JobRunStatus.Succeeded, (await _engine.Runner.RunAsync(MovieJobNames.GenerateRecommendations)).Status);
    }

    [Fact]
    public void The_job_list_shows_each_jobs_description_schedule_in_force_manual_flag_and_prerequisites()
    {
        var sync = _engine.Job<JobA>("sync");
        sync.Description = "Imports things.";
        sync.DefaultSchedule = JobSchedule.OnCron("0 3 * * *");
        var watch = _engine.Job<JobB>("watch");
        watch.DefaultSchedule = JobSchedule.OnCron("0 */2 * * *");
        watch.Prerequisites = ["sync"];
        var reset = _engine.Job<JobC>("reset");
        reset.IsManualOnly = true;
        var write = _engine.Job<JobD>("write");
        write.DefaultSchedule = JobSchedule.After("SYNC");
        var local = TimeZoneInfo.CreateCustomTimeZone("Test/Plus2", TimeSpan.FromHours(2), "Test/Plus2", "Test/Plus2");
        _engine.Time.SetLocalTimeZone(local);
        _engine.Settings["Aperture:Jobs:Schedules:watch"] = "TZ=UTC 30 6 * * 1";

        var jobs = _engine.Runner.Jobs;

        Assert.Equal(["sync", "watch", "reset", "write"], jobs.Select(job => job.Name));
        Assert.Equal(new JobInfo("sync", "Imports things.", JobSchedule.OnCron("0 3 * * *", local), false, []), jobs[0] with { Prerequisites = [] });
        Assert.Equal("cron: 30 6 * * 1 (UTC)", jobs[1].Schedule.ToString());
        Assert.Equal(["sync"], jobs[1].Prerequisites);
        Assert.True(jobs[2].IsManualOnly);
        Assert.True(jobs[2].Schedule.IsManual);
        Assert.Equal(JobSchedule.After("sync"), jobs[3].Schedule);
    }

    [Fact]
    public async Task Everything_logged_during_a_run_carries_its_job_name_and_run_id_and_nothing_of_other_runs()
    {
        var release = new TaskCompletionSource();
        _engine.Job<JobA>("alpha").BlocksUntil(release.Task);
        var beta = _engine.Job<JobB>("beta");
        beta.Behavior = static (context, _) =>
        {
            context.Logger.LogInformation("Working on it");
            return Task.FromResult(JobScript.Succeeded());
        };

        // beta waits behind alpha, so alpha's ending is what starts it: it must not inherit alpha's scope.
        var alpha = await _engine.Runner.StartAsync("alpha");
        var run = await _engine.Runner.StartAsync("beta");
        release.SetResult();
        await run.Completion;

        var jobLog = Assert.Single(_engine.Logs.GetSnapshot(), log => log.Message == "Working on it");
        Assert.Equal(typeof(JobB).FullName, jobLog.Category);
        var scope = Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(Assert.Single(jobLog.Scopes));
        Assert.Contains(new KeyValuePair<string, object?>("JobName", "beta"), scope);
        Assert.Contains(new KeyValuePair<string, object?>("RunId", run.RunId), scope);
        var ended = Assert.Single(_engine.Logs.GetSnapshot(), log => log.Message.Contains($"run {alpha.RunId} succeeded", StringComparison.Ordinal));
        Assert.Contains(new KeyValuePair<string, object?>("RunId", alpha.RunId), Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(Assert.Single(ended.Scopes)));
    }

    [Fact]
    public async Task A_job_gets_its_run_id_variant_trigger_and_the_engines_clock()
    {
        var contexts = new List<JobContext>();
        var job = _engine.Job<JobA>("alpha");
        job.Behavior = (context, _) =>
        {
            contexts.Add(context);
            return Task.FromResult(JobScript.Succeeded());
        };

        var regular = await _engine.Runner.RunAsync("alpha");
        var full = await _engine.Runner.RunAsync("alpha", "full", JobTrigger.Schedule);

        Assert.Equal([regular.Id, full.Id], contexts.Select(context => context.RunId));
        Assert.Null(contexts[0].Variant);
        Assert.True(contexts[1].IsVariant(MovieJobNames.FullVariant));
        Assert.Equal(JobTrigger.Schedule, full.Trigger);
        Assert.Same(_engine.Time, contexts[0].TimeProvider);
    }
}
