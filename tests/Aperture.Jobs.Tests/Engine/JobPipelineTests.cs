namespace Aperture.Jobs.Tests.Engine;

public sealed class JobPipelineTests : IAsyncLifetime
{
    private readonly EngineHarness _engine = new();
    private readonly List<string> _order = [];
    private readonly JobScript _syncMovies;
    private readonly JobScript _embeddings;
    private readonly JobScript _watchHistory;
    private readonly JobScript _recommendations;
    private readonly JobScript _libraries;

    public JobPipelineTests()
    {
        // Registered out of pipeline order on purpose: the pipeline, not registration, decides the order.
        _libraries = Movie<JobE>(MovieJobNames.SyncLibraries, MovieJobNames.GenerateRecommendations);
        _syncMovies = Movie<JobA>(MovieJobNames.SyncMovies);
        _watchHistory = Movie<JobC>(MovieJobNames.SyncWatchHistory, MovieJobNames.SyncMovies);
        _embeddings = Movie<JobB>(MovieJobNames.GenerateEmbeddings, MovieJobNames.SyncMovies);
        _recommendations = Movie<JobD>(MovieJobNames.GenerateRecommendations, MovieJobNames.GenerateEmbeddings, MovieJobNames.SyncWatchHistory);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task The_default_pipeline_runs_the_movie_jobs_in_order_on_a_first_run()
    {
        var runs = await _engine.Runner.RunPipelineAsync();

        Assert.Equal(MovieJobNames.Pipeline, _order);
        Assert.Equal(MovieJobNames.Pipeline, runs.Select(run => run.JobName));
        Assert.All(runs, run => Assert.Equal((JobRunStatus.Succeeded, JobTrigger.Pipeline), (run.Status, run.Trigger)));
        Assert.Equal(5, (await _engine.HistoryAsync()).Count);
    }

    [Fact]
    public async Task The_pipeline_stops_at_the_first_failure_and_records_the_remaining_jobs_as_skipped()
    {
        _embeddings.Behavior = (_, _) =>
        {
            _order.Add(MovieJobNames.GenerateEmbeddings);
            throw new ApertureException("The embedding provider answered 401; check its API key.");
        };

        var runs = await _engine.Runner.RunPipelineAsync();

        Assert.Equal([MovieJobNames.SyncMovies, MovieJobNames.GenerateEmbeddings], _order);
        Assert.Equal([JobRunStatus.Succeeded, JobRunStatus.Failed, JobRunStatus.Skipped, JobRunStatus.Skipped, JobRunStatus.Skipped], runs.Select(run => run.Status));
        Assert.Equal("The embedding provider answered 401; check its API key.", runs[1].Error);
        Assert.All(runs.Skip(2), skipped =>
        {
            Assert.Equal($"Skipped: the pipeline stopped because step 'generate-movie-embeddings' failed (run {runs[1].Id}).", skipped.Summary);
            Assert.Equal((JobTrigger.Pipeline, EngineHarness.Start, EngineHarness.Start), (skipped.Trigger, skipped.StartedAt, skipped.EndedAt!.Value));
        });
        Assert.Equal(0, _watchHistory.RunCount + _recommendations.RunCount + _libraries.RunCount);

        var history = await _engine.HistoryAsync();
        Assert.Equal(5, history.Count);
        Assert.Equal(runs.Select(run => run.Id).Order(), history.Select(run => run.Id).Order());
    }

    [Fact]
    public async Task Cancelling_the_pipeline_cancels_the_running_step_and_skips_the_rest()
    {
        _watchHistory.Behavior = async (_, token) =>
        {
            _order.Add(MovieJobNames.SyncWatchHistory);
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return JobScript.Succeeded();
        };
        using var cancellation = new CancellationTokenSource();

        var pipeline = _engine.Runner.RunPipelineAsync(cancellation.Token);
        await _watchHistory.NextStartAsync();
        await cancellation.CancelAsync();
        var runs = await pipeline;

        Assert.Equal([JobRunStatus.Succeeded, JobRunStatus.Succeeded, JobRunStatus.Cancelled, JobRunStatus.Skipped, JobRunStatus.Skipped], runs.Select(run => run.Status));
        Assert.Contains("was cancelled", runs[3].Summary, StringComparison.Ordinal);
        Assert.Equal(5, (await _engine.HistoryAsync()).Count);
    }

    [Fact]
    public async Task A_step_that_cannot_start_for_a_missing_prerequisite_is_skipped_with_the_reason_and_stops_the_pipeline()
    {
        var runs = await _engine.Runner.RunPipelineAsync([MovieJobNames.GenerateRecommendations, MovieJobNames.SyncLibraries]);

        Assert.Equal([JobRunStatus.Skipped, JobRunStatus.Skipped], runs.Select(run => run.Status));
        Assert.Contains("Run 'generate-movie-embeddings' first", runs[0].Summary, StringComparison.Ordinal);
        Assert.Contains("step 'generate-movie-recommendations' could not start", runs[1].Summary, StringComparison.Ordinal);
        Assert.Empty(_order);
    }

    [Fact]
    public async Task An_unknown_step_is_refused_before_anything_runs()
    {
        var refused = await Assert.ThrowsAsync<UnknownJobException>(() => _engine.Runner.RunPipelineAsync([MovieJobNames.SyncMovies, "generate-embeddings"]));

        Assert.Contains("Known jobs: sync-movie-libraries, sync-movies, ", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_order);
        Assert.Empty(await _engine.HistoryAsync());
    }

    [Fact]
    public async Task Steps_may_carry_a_variant()
    {
        string? variant = "unset";
        _watchHistory.Behavior = (context, _) =>
        {
            variant = context.Variant;
            return Task.FromResult(JobScript.Succeeded());
        };

        var runs = await _engine.Runner.RunPipelineAsync([MovieJobNames.SyncMovies, new PipelineStep(MovieJobNames.SyncWatchHistory, MovieJobNames.FullVariant)]);

        Assert.Equal(MovieJobNames.FullVariant, variant);
        Assert.Equal(MovieJobNames.FullVariant, runs[1].Variant);
    }

    [Fact]
    public async Task A_step_whose_job_is_already_running_waits_for_that_run_then_runs_its_own()
    {
        var release = new TaskCompletionSource();
        var blocked = true;
        _syncMovies.Behavior = async (_, token) =>
        {
            if (blocked)
            {
                blocked = false;
                await release.Task.WaitAsync(token);
            }

            _order.Add(MovieJobNames.SyncMovies);
            return JobScript.Succeeded();
        };
        var scheduled = await _engine.Runner.StartAsync(MovieJobNames.SyncMovies, trigger: JobTrigger.Schedule);
        await _syncMovies.NextStartAsync();

        var pipeline = _engine.Runner.RunPipelineAsync([MovieJobNames.SyncMovies, MovieJobNames.GenerateEmbeddings]);
        await _engine.WaitForLogAsync(log => log.Message.Contains("waits for run", StringComparison.Ordinal));
        release.SetResult();
        var runs = await pipeline;

        Assert.Equal(JobRunStatus.Succeeded, (await scheduled.Completion).Status);
        Assert.NotEqual(scheduled.RunId, runs[0].Id);
        Assert.Equal([JobRunStatus.Succeeded, JobRunStatus.Succeeded], runs.Select(run => run.Status));
        Assert.Equal(2, _syncMovies.RunCount);
    }

    private JobScript Movie<TJob>(string name, params string[] prerequisites)
        where TJob : ScriptedJob
    {
        var script = _engine.Job<TJob>(name);
        script.Prerequisites = prerequisites;
        script.Behavior = (_, _) =>
        {
            _order.Add(name);
            return Task.FromResult(JobScript.Succeeded());
        };
        return script;
    }
}
