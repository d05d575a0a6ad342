namespace Aperture.Jobs;

/// <summary>
/// Runs the registered jobs by name. A job runs at most once at a time; jobs run one at a time by default
/// (<c>Aperture:Jobs:MaxConcurrentRuns</c>) and further starts wait their turn in a first-in, first-out queue.
/// Every run is recorded exactly once in the job history (<see cref="Storage.IJobRunStore"/>): inserted when it
/// starts and updated, same id, when it ends.
/// </summary>
/// <remarks>
/// <see cref="JobRunnerExtensions"/> adds the everyday calls: <c>RunAsync</c> (start and wait) and
/// <c>RunPipelineAsync</c> with the default movie pipeline.
/// </remarks>
public interface IJobRunner
{
    /// <summary>The registered jobs in registration order, each with the schedule in force.</summary>
    IReadOnlyList<JobInfo> Jobs { get; }

    /// <summary>The runs queued or running now, oldest request first.</summary>
    IReadOnlyList<IJobRunHandle> ActiveRuns { get; }

    /// <summary>
    /// Starts a run of a job, or queues it when the engine is busy, and returns without waiting for it to end.
    /// </summary>
    /// <param name="jobName">The job's name (case-insensitive).</param>
    /// <param name="variant">The variant (for example <c>full</c>), or <see langword="null"/> for the regular run.</param>
    /// <param name="trigger">What starts the run (recorded with it).</param>
    /// <param name="cancellationToken">
    /// Cancels the start request only (it reads the history to check prerequisites). To cancel the run, use
    /// <see cref="IJobRunHandle.Cancel"/> or <see cref="Cancel"/>.
    /// </param>
    /// <returns>The run, queued or running.</returns>
    /// <exception cref="UnknownJobException">No job has that name; the message lists the known ones.</exception>
    /// <exception cref="JobAlreadyRunningException">A run of the job is already queued or running; it carries that run's id.</exception>
    /// <exception cref="JobPrerequisiteMissingException">A prerequisite has never succeeded; the message names the job to run first.</exception>
    /// <exception cref="InvalidOperationException">The engine is shutting down.</exception>
    Task<IJobRunHandle> StartAsync(
        string jobName,
        string? variant = null,
        JobTrigger trigger = JobTrigger.Manual,
        CancellationToken cancellationToken = default);

    /// <summary>Cancels a queued or running run (see <see cref="IJobRunHandle.Cancel"/>).</summary>
    /// <returns><see langword="true"/> when a run with that id was queued or running.</returns>
    bool Cancel(Guid runId);

    /// <summary>
    /// Runs <paramref name="steps"/> one after another, each only if the previous one succeeded. At the first
    /// step that fails, is cancelled or cannot start (a missing prerequisite), the remaining steps are recorded
    /// as <see cref="JobRunStatus.Skipped"/> with the reason. A step whose job is already running waits for that
    /// run to end, then starts its own.
    /// </summary>
    /// <param name="steps">The steps, in order (job names convert to steps); <see cref="MovieJobNames.Pipeline"/> is the default order.</param>
    /// <param name="cancellationToken">Cancels the running step (it ends cancelled) and skips the rest.</param>
    /// <returns>One recorded run per step, in step order.</returns>
    /// <exception cref="UnknownJobException">A step names no known job; nothing has run.</exception>
    Task<IReadOnlyList<JobRun>> RunPipelineAsync(IReadOnlyList<PipelineStep> steps, CancellationToken cancellationToken = default);
}
