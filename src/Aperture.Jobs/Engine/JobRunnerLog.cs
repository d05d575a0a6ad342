using Microsoft.Extensions.Logging;

namespace Aperture.Jobs;

/// <summary>The engine's log messages (source-generated).</summary>
internal static partial class JobRunnerLog
{
    private static readonly Func<ILogger, string, Guid, IDisposable?> RunScope =
        LoggerMessage.DefineScope<string, Guid>("Job {JobName} run {RunId}");

    /// <summary>Puts the job name and run id in scope of everything logged during the run, the job's own logs included.</summary>
    public static IDisposable? BeginRunScope(ILogger logger, string jobName, Guid runId) => RunScope(logger, jobName, runId);

    [LoggerMessage(1, LogLevel.Information, "Job {JobName} queued as run {RunId} behind {Ahead} other waiting run(s)")]
    public static partial void RunQueued(ILogger logger, string jobName, Guid runId, int ahead);

    [LoggerMessage(2, LogLevel.Information, "Job {JobName} run {RunId} started ({Trigger}, {Variant})")]
    public static partial void RunStarted(ILogger logger, string jobName, Guid runId, JobTrigger trigger, string variant);

    [LoggerMessage(3, LogLevel.Information, "Job {JobName} run {RunId} succeeded in {Duration}: {Summary}")]
    public static partial void RunSucceeded(ILogger logger, string jobName, Guid runId, TimeSpan duration, string summary);

    [LoggerMessage(4, LogLevel.Error, "Job {JobName} run {RunId} failed after {Duration}: {Error}")]
    public static partial void RunFailed(ILogger logger, string jobName, Guid runId, TimeSpan duration, string error, Exception? exception);

    [LoggerMessage(5, LogLevel.Warning, "Job {JobName} run {RunId} cancelled after {Duration}: {Reason}")]
    public static partial void RunCancelled(ILogger logger, string jobName, Guid runId, TimeSpan duration, string reason);

    [LoggerMessage(7, LogLevel.Error, "Job {JobName} run {RunId} could not be recorded as {Status} in the job history")]
    public static partial void RunNotRecorded(ILogger logger, string jobName, Guid runId, JobRunStatus status, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "A cancellation callback of job {JobName} run {RunId} threw")]
    public static partial void CancellationCallbackFailed(ILogger logger, string jobName, Guid runId, Exception exception);

    [LoggerMessage(9, LogLevel.Error, "Reporting the end of job {JobName} run {RunId} threw")]
    public static partial void RunEndedHandlerFailed(ILogger logger, string jobName, Guid runId, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "Shutting down: waiting up to {GracePeriod} for {Count} running job(s) before cancelling them")]
    public static partial void WaitingForRuns(ILogger logger, int count, TimeSpan gracePeriod);

    [LoggerMessage(11, LogLevel.Warning, "Shutting down: these runs did not stop in time and stay recorded as running: {Runs}")]
    public static partial void RunsDidNotStop(ILogger logger, string runs);

    [LoggerMessage(12, LogLevel.Information, "Pipeline started: {Steps}")]
    public static partial void PipelineStarted(ILogger logger, string steps);

    [LoggerMessage(13, LogLevel.Information, "Pipeline step {JobName} skipped: {Reason}")]
    public static partial void PipelineStepSkipped(ILogger logger, string jobName, string reason);

    [LoggerMessage(14, LogLevel.Information, "Pipeline ended: {Succeeded} of {Count} step(s) succeeded")]
    public static partial void PipelineEnded(ILogger logger, int succeeded, int count);

    [LoggerMessage(15, LogLevel.Information, "Pipeline step {JobName} waits for run {RunId}, already under way, to end")]
    public static partial void PipelineStepWaiting(ILogger logger, string jobName, Guid runId);
}
