namespace Aperture.Jobs;

/// <summary>
/// A started run, from the moment it is queued until it ends: follow its progress, cancel it, await its outcome.
/// </summary>
public interface IJobRunHandle
{
    /// <summary>The run's id (the id of its row in the job history).</summary>
    Guid RunId { get; }

    /// <summary>The job's name.</summary>
    string JobName { get; }

    /// <summary>The variant (for example <c>full</c>), or <see langword="null"/> for the regular run.</summary>
    string? Variant { get; }

    /// <summary>What started the run.</summary>
    JobTrigger Trigger { get; }

    /// <summary>
    /// Where the run stands now: <see cref="JobRunStatus.Queued"/>, <see cref="JobRunStatus.Running"/>, then its
    /// final status.
    /// </summary>
    JobRunStatus Status { get; }

    /// <summary>The latest progress snapshot, or <see langword="null"/> while the run is queued.</summary>
    JobProgress? Progress { get; }

    /// <summary>
    /// Completes with the run as recorded in the history once it has ended (succeeded, failed or cancelled).
    /// Never faults and is never cancelled: a job's exception becomes a failed run.
    /// </summary>
    Task<JobRun> Completion { get; }

    /// <summary>
    /// Follows the run's progress live: yields the latest snapshot at once (when the run has started), then each
    /// change, and ends when the run ends. Any number of observers may watch one run; a slow observer skips
    /// intermediate snapshots (it always gets the latest) and never slows the job down.
    /// </summary>
    /// <param name="cancellationToken">Stops watching (the run goes on).</param>
    IAsyncEnumerable<JobProgress> WatchProgressAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels the run: a queued run is removed from the queue, a running job is asked to stop through its
    /// cancellation token. Either way the run ends as <see cref="JobRunStatus.Cancelled"/> (unless the job
    /// finishes first).
    /// </summary>
    /// <returns><see langword="true"/> when the run was still queued or running.</returns>
    bool Cancel();
}
