using Aperture.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aperture.Jobs;

/// <summary>
/// The engine: single flight per job, a bounded number of concurrent runs with a first-in, first-out queue,
/// cancellation through the job's token, and one history row per run (inserted at start, updated at the end).
/// </summary>
/// <remarks>
/// Disposing the runner cancels every queued and running run and waits for them to be recorded; a job that ignores
/// its cancellation token holds the disposal up, which is why jobs must honour it.
/// </remarks>
internal sealed class JobRunner : IJobRunner, IAsyncDisposable, IDisposable
{
    internal const string CancelledByRequest = "Cancelled on request.";

    private readonly JobCatalog _catalog;
    private readonly IJobRunStore _store;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxConcurrentRuns;
    private readonly JobPipeline _pipeline;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JobRunEntry> _activeByJob = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JobRunEntry> _active = [];
    private readonly LinkedList<JobRunEntry> _queue = new();
    private int _running;
    private bool _stopping;

    public JobRunner(
        JobCatalog catalog,
        JobScheduleTable schedules,
        IJobRunStore store,
        IServiceScopeFactory scopeFactory,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        IOptions<JobEngineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _scopeFactory = scopeFactory ?? throw new ArgumentNullException(nameof(scopeFactory));
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = loggerFactory.CreateLogger<JobRunner>();
        _maxConcurrentRuns = options.Value.MaxConcurrentRuns;
        _pipeline = new JobPipeline(this, catalog, store, timeProvider, _logger);
        Jobs = [.. catalog.Jobs.Select(job => new JobInfo(job.Name, job.Description, schedules.For(job.Name), job.IsManualOnly, job.Prerequisites))];
    }

    /// <summary>Raised once per run, after it is recorded and before its <see cref="IJobRunHandle.Completion"/> completes.</summary>
    internal event Action<JobRun>? RunEnded;

    public IReadOnlyList<JobInfo> Jobs { get; }

    public IReadOnlyList<IJobRunHandle> ActiveRuns
    {
        get
        {
            lock (_gate)
            {
                return [.. _active];
            }
        }
    }

    public async Task<IJobRunHandle> StartAsync(
        string jobName,
        string? variant = null,
        JobTrigger trigger = JobTrigger.Manual,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        cancellationToken.ThrowIfCancellationRequested();
        var job = _catalog.Get(jobName.Trim());

        // Refuse a second run before reading the history: the cheap answer first.
        lock (_gate)
        {
            ThrowIfUnavailable(job);
        }

        await CheckPrerequisitesAsync(job, cancellationToken).ConfigureAwait(false);
        return Enqueue(job, string.IsNullOrWhiteSpace(variant) ? null : variant.Trim(), trigger);
    }

    public bool Cancel(Guid runId)
    {
        JobRunEntry? entry;
        lock (_gate)
        {
            entry = _active.Find(active => active.RunId == runId);
        }

        return entry is not null && Cancel(entry, CancelledByRequest);
    }

    public Task<IReadOnlyList<JobRun>> RunPipelineAsync(IReadOnlyList<PipelineStep> steps, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(steps, cancellationToken);

    /// <summary>Whether the engine is shutting down and refuses new runs.</summary>
    internal bool IsStopping
    {
        get
        {
            lock (_gate)
            {
                return _stopping;
            }
        }
    }

    /// <summary>Whether a run of the job is queued or running.</summary>
    internal bool IsActive(string jobName)
    {
        lock (_gate)
        {
            return _activeByJob.ContainsKey(jobName);
        }
    }

    internal bool TryGetActive(Guid runId, out JobRunEntry entry)
    {
        lock (_gate)
        {
            entry = _active.Find(active => active.RunId == runId)!;
            return entry is not null;
        }
    }

    /// <summary>Cancels a queued run (it is recorded as cancelled without running) or signals a running job's token.</summary>
    internal bool Cancel(JobRunEntry entry, string reason)
    {
        bool dequeued;
        lock (_gate)
        {
            switch (entry.Status)
            {
                case JobRunStatus.Queued:
                    _queue.Remove(entry.QueueNode!);
                    entry.QueueNode = null;
                    entry.Status = JobRunStatus.Cancelled;
                    entry.CancelReason = $"{reason} The job never started: the run was still waiting in the queue.";
                    dequeued = true;
                    break;
                case JobRunStatus.Running when entry.CancelReason is null:
                    entry.CancelReason = reason;
                    dequeued = false;
                    break;
                case JobRunStatus.Running:
                    return true;
                default:
                    return false;
            }
        }

        if (dequeued)
        {
            RunDetached(() => EndQueuedRunAsync(entry));
        }
        else if (entry.SignalCancellation() is { } callbackError)
        {
            JobRunnerLog.CancellationCallbackFailed(_logger, entry.JobName, entry.RunId, callbackError);
        }

        return true;
    }

    /// <summary>
    /// Stops the engine for shutdown: refuses new starts, cancels queued runs, lets running ones go on for
    /// <paramref name="gracePeriod"/>, then cancels them and waits (until <paramref name="cancellationToken"/>)
    /// for them to be recorded.
    /// </summary>
    internal async Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        JobRunEntry[] queued;
        JobRunEntry[] active;
        lock (_gate)
        {
            _stopping = true;
            queued = [.. _queue];
            active = [.. _active];
        }

        foreach (var entry in queued)
        {
            Cancel(entry, "Cancelled: the host stopped.");
        }

        var ended = Task.WhenAll(active.Select(static entry => entry.Completion));
        if (ended.IsCompleted)
        {
            return;
        }

        if (gracePeriod > TimeSpan.Zero)
        {
            var grace = ended.WaitAsync(gracePeriod, _timeProvider, cancellationToken);
            JobRunnerLog.WaitingForRuns(_logger, active.Length - queued.Length, gracePeriod);
            try
            {
                await grace.ConfigureAwait(false);
                return;
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }

        var reason = gracePeriod > TimeSpan.Zero
            ? $"Cancelled: the host stopped and the run did not end within the {gracePeriod} grace period."
            : "Cancelled: the host stopped.";
        foreach (var entry in active)
        {
            Cancel(entry, reason);
        }

        try
        {
            await ended.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var stuck = string.Join(", ", active.Where(static entry => !entry.Completion.IsCompleted));
            JobRunnerLog.RunsDidNotStop(_logger, stuck);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync(TimeSpan.Zero, CancellationToken.None));

    public void Dispose()
    {
        JobRunEntry[] active;
        lock (_gate)
        {
            _stopping = true;
            active = [.. _active];
        }

        foreach (var entry in active)
        {
            Cancel(entry, "Cancelled: the host stopped.");
        }
    }

    private void ThrowIfUnavailable(JobDescriptor job)
    {
        if (_stopping)
        {
            throw new InvalidOperationException($"Job '{job.Name}' cannot start: the job engine is shutting down.");
        }

        if (_activeByJob.TryGetValue(job.Name, out var active))
        {
            throw new JobAlreadyRunningException(active.JobName, active.RunId, active.Status == JobRunStatus.Queued ? JobRunStatus.Queued : JobRunStatus.Running);
        }
    }

    private async Task CheckPrerequisitesAsync(JobDescriptor job, CancellationToken cancellationToken)
    {
        List<string>? missing = null;
        foreach (var prerequisite in job.Prerequisites)
        {
            var name = _catalog.TryFind(prerequisite, out var known) ? known.Name : prerequisite;
            var success = await _store.GetLatestJobRunAsync(name, JobRunStatus.Succeeded, cancellationToken).ConfigureAwait(false);
            if (success is null)
            {
                (missing ??= []).Add(name);
            }
        }

        if (missing is not null)
        {
            throw new JobPrerequisiteMissingException(job.Name, missing);
        }
    }

    private JobRunEntry Enqueue(JobDescriptor job, string? variant, JobTrigger trigger)
    {
        var now = _timeProvider.GetUtcNow();
        var entry = new JobRunEntry(this, job, Guid.CreateVersion7(now), variant, trigger, now);
        int waiting;
        lock (_gate)
        {
            ThrowIfUnavailable(job);
            _activeByJob.Add(job.Name, entry);
            _active.Add(entry);
            if (_running < _maxConcurrentRuns)
            {
                TakeSlot(entry);
                waiting = 0;
            }
            else
            {
                entry.QueueNode = _queue.AddLast(entry);
                waiting = _queue.Count;
            }
        }

        if (waiting == 0)
        {
            Launch(entry);
        }
        else
        {
            JobRunnerLog.RunQueued(_logger, job.Name, entry.RunId, waiting - 1);
        }

        return entry;
    }

    private void TakeSlot(JobRunEntry entry)
    {
        _running++;
        entry.HoldsSlot = true;
        entry.Status = JobRunStatus.Running;
    }

    private void Launch(JobRunEntry entry) => RunDetached(() => ExecuteAsync(entry));

    // A run is its own unit of work: it must not inherit the log scope (or other ambient state) of whoever started
    // it, such as the run that ended just before and freed its turn.
    private static void RunDetached(Func<Task> work)
    {
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(work);
        }
    }

    private async Task ExecuteAsync(JobRunEntry entry)
    {
        using var logScope = JobRunnerLog.BeginRunScope(_logger, entry.JobName, entry.RunId);
        var run = new JobRun
        {
            Id = entry.RunId,
            JobName = entry.JobName,
            Variant = entry.Variant,
            Trigger = entry.Trigger,
            Status = JobRunStatus.Running,
            StartedAt = _timeProvider.GetUtcNow(),
        };

        entry.Tracker.Start();
        if (!await TrySaveAsync(run).ConfigureAwait(false))
        {
            // A run the history cannot hold must not run: nobody could tell it happened or how it ended.
            await FinishAsync(entry, Ended(run, JobRunStatus.Failed) with
            {
                Error = "The run could not be recorded in the job history, so the job did not start; see the log for the store's error.",
            }, save: false).ConfigureAwait(false);
            return;
        }

        JobRunnerLog.RunStarted(_logger, entry.JobName, entry.RunId, entry.Trigger, entry.Variant ?? "regular");
        var ended = await InvokeAsync(entry, run).ConfigureAwait(false);
        await FinishAsync(entry, ended, save: true).ConfigureAwait(false);
    }

    private async Task<JobRun> InvokeAsync(JobRunEntry entry, JobRun run)
    {
        try
        {
            var scope = _scopeFactory.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var job = (IJob)scope.ServiceProvider.GetRequiredService(entry.Job.JobType);
                var logger = _loggerFactory.CreateLogger(entry.Job.JobType);
                var context = new JobContext(entry.RunId, entry.JobName, entry.Variant, entry.Trigger, entry.Tracker, logger, _timeProvider);
                entry.CancellationToken.ThrowIfCancellationRequested();

                var result = await job.RunAsync(context, entry.CancellationToken).ConfigureAwait(false);
                entry.Tracker.Complete();
                return Ended(run, JobRunStatus.Succeeded) with
                {
                    Summary = result?.Summary,
                    ItemsProcessed = result?.ItemsProcessed ?? 0,
                    ItemsTotal = result?.ItemsTotal,
                    Counts = result?.Counts ?? run.Counts,
                };
            }
        }
        catch (OperationCanceledException) when (entry.CancellationToken.IsCancellationRequested)
        {
            return Ended(run, JobRunStatus.Cancelled) with { Error = entry.CancelReason ?? CancelledByRequest };
        }
        catch (Exception exception)
        {
            entry.Failure = exception;
            return Ended(run, JobRunStatus.Failed) with { Error = Describe(exception) };
        }
    }

    private async Task EndQueuedRunAsync(JobRunEntry entry)
    {
        using var logScope = JobRunnerLog.BeginRunScope(_logger, entry.JobName, entry.RunId);
        var run = new JobRun
        {
            Id = entry.RunId,
            JobName = entry.JobName,
            Variant = entry.Variant,
            Trigger = entry.Trigger,
            Status = JobRunStatus.Cancelled,
            StartedAt = entry.RequestedAt,
            EndedAt = _timeProvider.GetUtcNow(),
            Error = entry.CancelReason,
        };
        await FinishAsync(entry, run, save: true).ConfigureAwait(false);
    }

    private async Task FinishAsync(JobRunEntry entry, JobRun run, bool save)
    {
        lock (_gate)
        {
            entry.Status = run.Status;
        }

        if (save)
        {
            await TrySaveAsync(run).ConfigureAwait(false);
        }

        // The job stays "active" until its run is recorded, so a new start can never overlap the old row.
        List<JobRunEntry> next = [];
        lock (_gate)
        {
            _activeByJob.Remove(entry.JobName);
            _active.Remove(entry);
            if (entry.HoldsSlot)
            {
                entry.HoldsSlot = false;
                _running--;
            }

            while (!_stopping && _running < _maxConcurrentRuns && _queue.First is { } first)
            {
                _queue.RemoveFirst();
                first.Value.QueueNode = null;
                TakeSlot(first.Value);
                next.Add(first.Value);
            }
        }

        entry.Tracker.Close();
        foreach (var queued in next)
        {
            Launch(queued);
        }

        try
        {
            LogEnded(run, entry.Failure);
            RunEnded?.Invoke(run);
        }
        catch (Exception exception)
        {
            JobRunnerLog.RunEndedHandlerFailed(_logger, run.JobName, run.Id, exception);
        }
        finally
        {
            entry.Complete(run);
        }
    }

    private async Task<bool> TrySaveAsync(JobRun run)
    {
        try
        {
            // Never cancelled: a cancelled run must still be recorded as such.
            await _store.SaveJobRunAsync(run, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception)
        {
            JobRunnerLog.RunNotRecorded(_logger, run.JobName, run.Id, run.Status, exception);
            return false;
        }
    }

    private void LogEnded(JobRun run, Exception? failure)
    {
        var duration = run.Duration ?? TimeSpan.Zero;
        switch (run.Status)
        {
            case JobRunStatus.Succeeded:
                JobRunnerLog.RunSucceeded(_logger, run.JobName, run.Id, duration, run.Summary ?? string.Empty);
                break;
            case JobRunStatus.Cancelled:
                JobRunnerLog.RunCancelled(_logger, run.JobName, run.Id, duration, run.Error ?? string.Empty);
                break;
            default:
                JobRunnerLog.RunFailed(_logger, run.JobName, run.Id, duration, run.Error ?? string.Empty, failure);
                break;
        }
    }

    private JobRun Ended(JobRun run, JobRunStatus status) => run with { Status = status, EndedAt = _timeProvider.GetUtcNow() };

    // Aperture's own exceptions are written for people; anything else keeps its type, which is often the clue.
    private static string Describe(Exception exception) =>
        exception is ApertureException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
}
