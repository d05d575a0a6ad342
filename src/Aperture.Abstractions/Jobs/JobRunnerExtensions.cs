namespace Aperture.Jobs;

/// <summary>Everyday calls on an <see cref="IJobRunner"/>.</summary>
public static class JobRunnerExtensions
{
    /// <summary>
    /// Starts a run of a job (or queues it) and waits for it to end. Cancelling <paramref name="cancellationToken"/>
    /// cancels the run, which is then returned as <see cref="JobRunStatus.Cancelled"/>.
    /// </summary>
    /// <returns>The run as recorded in the history; a job's failure is a <see cref="JobRunStatus.Failed"/> run, not an exception.</returns>
    /// <exception cref="UnknownJobException">No job has that name; the message lists the known ones.</exception>
    /// <exception cref="JobAlreadyRunningException">A run of the job is already queued or running.</exception>
    /// <exception cref="JobPrerequisiteMissingException">A prerequisite has never succeeded; the message names the job to run first.</exception>
    public static async Task<JobRun> RunAsync(
        this IJobRunner runner,
        string jobName,
        string? variant = null,
        JobTrigger trigger = JobTrigger.Manual,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var run = await runner.StartAsync(jobName, variant, trigger, cancellationToken).ConfigureAwait(false);
        using (cancellationToken.Register(static state => ((IJobRunHandle)state!).Cancel(), run))
        {
            return await run.Completion.ConfigureAwait(false);
        }
    }

    /// <summary>Runs the default movie pipeline, <see cref="MovieJobNames.Pipeline"/> (see <see cref="IJobRunner.RunPipelineAsync"/>).</summary>
    public static Task<IReadOnlyList<JobRun>> RunPipelineAsync(this IJobRunner runner, CancellationToken cancellationToken = default) =>
        runner.RunPipelineAsync(MovieJobNames.Pipeline, cancellationToken);

    /// <summary>Runs the named jobs in order, without variants (see <see cref="IJobRunner.RunPipelineAsync"/>).</summary>
    public static Task<IReadOnlyList<JobRun>> RunPipelineAsync(this IJobRunner runner, IEnumerable<string> jobNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(jobNames);
        return runner.RunPipelineAsync([.. jobNames.Select(static name => new PipelineStep(name))], cancellationToken);
    }
}
