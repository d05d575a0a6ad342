using Aperture.Storage;
using Microsoft.Extensions.Logging;

namespace Aperture.Jobs;

/// <summary>Runs jobs in order, each only if the previous one succeeded; records the rest as skipped.</summary>
internal sealed class JobPipeline(JobRunner runner, JobCatalog catalog, IJobRunStore store, TimeProvider timeProvider, ILogger logger)
{
    public async Task<IReadOnlyList<JobRun>> RunAsync(IReadOnlyList<PipelineStep> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException("A pipeline needs at least one step.", nameof(steps));
        }

        // Every name is checked before anything runs: a typo must not leave half a pipeline behind.
        var jobs = new JobDescriptor[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(steps[i].JobName))
            {
                throw new ArgumentException($"Pipeline step {i + 1} names no job.", nameof(steps));
            }

            jobs[i] = catalog.Get(steps[i].JobName.Trim());
        }

        JobRunnerLog.PipelineStarted(logger, string.Join(" → ", steps));
        var runs = new List<JobRun>(steps.Count);
        string? stopReason = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var job = jobs[i];
            var variant = string.IsNullOrWhiteSpace(steps[i].Variant) ? null : steps[i].Variant!.Trim();
            if (stopReason is null && cancellationToken.IsCancellationRequested)
            {
                stopReason = "Skipped: the pipeline was cancelled before this step started.";
            }

            JobRun run;
            if (stopReason is not null)
            {
                run = await RecordSkippedAsync(job, variant, stopReason).ConfigureAwait(false);
            }
            else
            {
                try
                {
                    run = await RunStepAsync(job, variant, cancellationToken).ConfigureAwait(false);
                }
                catch (JobPrerequisiteMissingException exception)
                {
                    run = await RecordSkippedAsync(job, variant, $"Skipped: {exception.Message}").ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    run = await RecordSkippedAsync(job, variant, "Skipped: the pipeline was cancelled before this step started.").ConfigureAwait(false);
                }
                catch (InvalidOperationException) when (runner.IsStopping)
                {
                    run = await RecordSkippedAsync(job, variant, "Skipped: the host is shutting down.").ConfigureAwait(false);
                }

                if (run.Status != JobRunStatus.Succeeded)
                {
                    stopReason = $"Skipped: the pipeline stopped because step '{job.Name}' {Describe(run.Status)} (run {run.Id}).";
                }
            }

            runs.Add(run);
        }

        JobRunnerLog.PipelineEnded(logger, runs.Count(static run => run.Status == JobRunStatus.Succeeded), runs.Count);
        return runs;
    }

    private async Task<JobRun> RunStepAsync(JobDescriptor job, string? variant, CancellationToken cancellationToken)
    {
        while (true)
        {
            IJobRunHandle run;
            try
            {
                run = await runner.StartAsync(job.Name, variant, JobTrigger.Pipeline, cancellationToken).ConfigureAwait(false);
            }
            catch (JobAlreadyRunningException busy)
            {
                // Another run of this job (a scheduled one, say) is under way: let it end, then run the pipeline's own.
                JobRunnerLog.PipelineStepWaiting(logger, job.Name, busy.RunId);
                if (runner.TryGetActive(busy.RunId, out var other))
                {
                    await other.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            using (cancellationToken.Register(static state => ((IJobRunHandle)state!).Cancel(), run))
            {
                return await run.Completion.ConfigureAwait(false);
            }
        }
    }

    private async Task<JobRun> RecordSkippedAsync(JobDescriptor job, string? variant, string reason)
    {
        var now = timeProvider.GetUtcNow();
        var run = new JobRun
        {
            Id = Guid.CreateVersion7(now),
            JobName = job.Name,
            Variant = variant,
            Trigger = JobTrigger.Pipeline,
            Status = JobRunStatus.Skipped,
            StartedAt = now,
            EndedAt = now,
            Summary = reason,
        };

        try
        {
            await store.SaveJobRunAsync(run, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            JobRunnerLog.RunNotRecorded(logger, run.JobName, run.Id, run.Status, exception);
        }

        JobRunnerLog.PipelineStepSkipped(logger, job.Name, reason);
        return run;
    }

    private static string Describe(JobRunStatus status) => status switch
    {
        JobRunStatus.Cancelled => "was cancelled",
        JobRunStatus.Skipped => "could not start",
        _ => "failed",
    };
}
