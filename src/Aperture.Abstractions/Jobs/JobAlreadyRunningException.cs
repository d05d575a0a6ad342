namespace Aperture.Jobs;

/// <summary>A run of the job is already queued or running, and a job runs at most once at a time.</summary>
public sealed class JobAlreadyRunningException : ApertureException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobName">The job.</param>
    /// <param name="runId">The id of the run that is queued or running.</param>
    /// <param name="status">Whether that run is <see cref="JobRunStatus.Queued"/> or <see cref="JobRunStatus.Running"/>.</param>
    public JobAlreadyRunningException(string jobName, Guid runId, JobRunStatus status)
        : base($"Job '{jobName}' is already {(status == JobRunStatus.Queued ? "queued" : "running")} as run {runId}; wait for that run to end or cancel it, then start the job again.")
    {
        JobName = jobName;
        RunId = runId;
        Status = status;
    }

    /// <summary>The job.</summary>
    public string JobName { get; }

    /// <summary>The id of the run that is queued or running.</summary>
    public Guid RunId { get; }

    /// <summary>Whether that run is <see cref="JobRunStatus.Queued"/> or <see cref="JobRunStatus.Running"/>.</summary>
    public JobRunStatus Status { get; }
}
