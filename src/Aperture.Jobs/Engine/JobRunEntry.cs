namespace Aperture.Jobs;

/// <summary>
/// One run inside the engine, from its request to its end, and the <see cref="IJobRunHandle"/> callers hold.
/// Its state changes only under the runner's lock.
/// </summary>
internal sealed class JobRunEntry : IJobRunHandle
{
    private readonly JobRunner _runner;
    private readonly TaskCompletionSource<JobRun> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Never disposed: it has no timer and no linked tokens, and a late Cancel must not race a disposal.
    private readonly CancellationTokenSource _cancellation = new();
    private volatile JobRunStatus _status = JobRunStatus.Queued;

    public JobRunEntry(JobRunner runner, JobDescriptor job, Guid runId, string? variant, JobTrigger trigger, DateTimeOffset requestedAt)
    {
        _runner = runner;
        Job = job;
        RunId = runId;
        Variant = variant;
        Trigger = trigger;
        RequestedAt = requestedAt;
        Tracker = new JobProgressTracker(runId, job.Name);
    }

    public JobDescriptor Job { get; }

    public Guid RunId { get; }

    public string JobName => Job.Name;

    public string? Variant { get; }

    public JobTrigger Trigger { get; }

    public DateTimeOffset RequestedAt { get; }

    public JobRunStatus Status
    {
        get => _status;
        set => _status = value;
    }

    public JobProgress? Progress => Tracker.Current;

    public Task<JobRun> Completion => _completion.Task;

    public JobProgressTracker Tracker { get; }

    /// <summary>The token the job receives.</summary>
    public CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>Why the run was cancelled (recorded as its error), once it has been.</summary>
    public string? CancelReason { get; set; }

    /// <summary>What the job threw, when it failed that way (logged with the run's end).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Whether the run occupies one of the engine's concurrent slots.</summary>
    public bool HoldsSlot { get; set; }

    /// <summary>The entry's place in the queue while it waits.</summary>
    public LinkedListNode<JobRunEntry>? QueueNode { get; set; }

    public IAsyncEnumerable<JobProgress> WatchProgressAsync(CancellationToken cancellationToken = default) =>
        Tracker.WatchAsync(cancellationToken);

    public bool Cancel() => _runner.Cancel(this, JobRunner.CancelledByRequest);

    /// <summary>Signals the job's token; a callback that throws is the job's bug and must not reach the canceller.</summary>
    public Exception? SignalCancellation()
    {
        try
        {
            _cancellation.Cancel();
            return null;
        }
        catch (AggregateException exception)
        {
            return exception;
        }
    }

    public void Complete(JobRun run) => _completion.TrySetResult(run);

    public override string ToString() => $"{JobName} run {RunId} ({Status})";
}
