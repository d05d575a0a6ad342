using Microsoft.Extensions.Logging;

namespace Aperture.Jobs;

/// <summary>The scheduler's log messages (source-generated).</summary>
internal static partial class JobSchedulerLog
{
    [LoggerMessage(101, LogLevel.Information, "Job {JobName} is scheduled on {Schedule}; next occurrence {NextOccurrence}")]
    public static partial void Scheduled(ILogger logger, string jobName, string schedule, DateTimeOffset? nextOccurrence);

    [LoggerMessage(102, LogLevel.Information, "Job {JobName} is due (occurrence {Occurrence})")]
    public static partial void OccurrenceDue(ILogger logger, string jobName, DateTimeOffset occurrence);

    [LoggerMessage(103, LogLevel.Information, "Job {JobName} missed its occurrence {Occurrence} (host down or asleep); running it once now")]
    public static partial void CatchingUp(ILogger logger, string jobName, DateTimeOffset occurrence);

    [LoggerMessage(104, LogLevel.Information, "Job {JobName} did not run after {TriggerJob} succeeded (run {TriggerRunId}); running it now")]
    public static partial void CatchingUpAfter(ILogger logger, string jobName, string triggerJob, Guid triggerRunId);

    [LoggerMessage(105, LogLevel.Information, "Job {JobName} triggered by the success of {TriggerJob} (run {TriggerRunId})")]
    public static partial void AfterTriggered(ILogger logger, string jobName, string triggerJob, Guid triggerRunId);

    [LoggerMessage(106, LogLevel.Information, "Scheduled run {RunId} of job {JobName} is {Status}")]
    public static partial void Started(ILogger logger, string jobName, Guid runId, JobRunStatus status);

    [LoggerMessage(107, LogLevel.Information, "Scheduled run of job {JobName} skipped: run {RunId} is still {Status}")]
    public static partial void TickSkipped(ILogger logger, string jobName, Guid runId, JobRunStatus status);

    [LoggerMessage(108, LogLevel.Warning, "Scheduled run of job {JobName} not started: {Reason}")]
    public static partial void NotStarted(ILogger logger, string jobName, string reason);

    [LoggerMessage(109, LogLevel.Error, "Scheduled run of job {JobName} could not be started")]
    public static partial void StartFailed(ILogger logger, string jobName, Exception exception);

    [LoggerMessage(110, LogLevel.Warning, "The scheduler's record of job {JobName}'s last occurrence could not be read or written; missed runs may not be caught up")]
    public static partial void WatermarkFailed(ILogger logger, string jobName, Exception exception);

    [LoggerMessage(111, LogLevel.Error, "A scheduler pass failed; retrying shortly")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(112, LogLevel.Information, "Job {JobName} is scheduled to run after each success of {TriggerJob}")]
    public static partial void ScheduledAfter(ILogger logger, string jobName, string triggerJob);

    [LoggerMessage(113, LogLevel.Warning, "Job {JobName} is scheduled to run after {TriggerJob}, which is not registered, so it never runs on its own; register that job or give this one another schedule")]
    public static partial void AfterJobNotRegistered(ILogger logger, string jobName, string triggerJob);
}
