namespace Aperture.Jobs;

/// <summary>Where a job run stands.</summary>
public enum JobRunStatus
{
    /// <summary>Waiting for its turn.</summary>
    Queued,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Finished without error.</summary>
    Succeeded,

    /// <summary>Ended by an error; the error is recorded.</summary>
    Failed,

    /// <summary>Stopped by cancellation.</summary>
    Cancelled,

    /// <summary>Not run (for example a pipeline step after a failure); the reason is in the summary.</summary>
    Skipped,
}
