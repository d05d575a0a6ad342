using Aperture.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aperture.Jobs;

/// <summary>
/// Starts jobs on their schedules: cron occurrences (in their time zone), "after job X succeeds" triggers, and,
/// at start-up, one catch-up run for occurrences missed while the host was down or asleep.
/// </summary>
/// <remarks>
/// The loop is driven by the wall clock of the <see cref="TimeProvider"/>, not by timer edges: each pass starts
/// whatever is due at the current time, then sleeps until the next occurrence, never longer than
/// <see cref="MaxTimerWait"/>, because a machine that sleeps also stops the monotonic clock timers run on. The
/// last occurrence handled per job is kept in <see cref="ISyncStateStore"/> under <c>scheduler:&lt;job&gt;</c>.
/// </remarks>
internal sealed class JobScheduler
{
    /// <summary>The longest the loop sleeps before it looks at the clock again.</summary>
    internal static readonly TimeSpan MaxTimerWait = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan ClockJumpTolerance = TimeSpan.FromSeconds(1);

    private readonly JobRunner _runner;
    private readonly ISyncStateStore _state;
    private readonly IJobRunStore _history;
    private readonly TimeProvider _timeProvider;
    private readonly SchedulerOptions _options;
    private readonly ILogger _logger;
    private readonly ScheduledJob[] _cronJobs;
    private readonly ScheduledJob[] _afterJobs;
    private readonly Dictionary<string, DateTimeOffset> _lastHandled = new(StringComparer.OrdinalIgnoreCase);
    private CancellationToken _stopping;

    public JobScheduler(
        JobRunner runner,
        JobScheduleTable schedules,
        ISyncStateStore state,
        IJobRunStore history,
        TimeProvider timeProvider,
        IOptions<SchedulerOptions> options,
        ILogger<JobScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(options);
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options.Value;
        _cronJobs = [.. schedules.Jobs.Where(static job => job.Cron is not null)];
        _afterJobs = [.. schedules.Jobs.Where(static job => job.Schedule.AfterJob is not null)];
    }

    internal static string WatermarkKey(string jobName) => $"scheduler:{jobName}";

    /// <summary>Loads the last occurrence handled per job and starts listening for "after" triggers.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        foreach (var job in _cronJobs)
        {
            var handled = _options.CatchUpMissedRuns ? await ReadWatermarkAsync(job.Name, cancellationToken).ConfigureAwait(false) : null;
            if (handled is null || handled > now)
            {
                // Nothing known (first start) or a clock that went back: nothing counts as missed.
                handled = now;
                await WriteWatermarkAsync(job.Name, now, cancellationToken).ConfigureAwait(false);
            }

            _lastHandled[job.Name] = handled.Value;
            JobSchedulerLog.Scheduled(_logger, job.Name, job.Schedule.ToString(), job.NextOccurrence(now));
        }

        foreach (var job in _afterJobs)
        {
            if (_runner.Jobs.Any(other => string.Equals(other.Name, job.Schedule.AfterJob, StringComparison.OrdinalIgnoreCase)))
            {
                JobSchedulerLog.ScheduledAfter(_logger, job.Name, job.Schedule.AfterJob!);
            }
            else
            {
                JobSchedulerLog.AfterJobNotRegistered(_logger, job.Name, job.Schedule.AfterJob!);
            }
        }

        _runner.RunEnded += OnRunEnded;
    }

    /// <summary>The scheduler's loop, until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        try
        {
            var first = true;
            while (true)
            {
                DateTimeOffset? nextDue;
                try
                {
                    nextDue = await TickAsync(stoppingToken).ConfigureAwait(false);
                    if (first && _options.CatchUpMissedRuns)
                    {
                        await CatchUpAfterJobsAsync(stoppingToken).ConfigureAwait(false);
                    }

                    first = false;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    JobSchedulerLog.PassFailed(_logger, exception);
                    nextDue = null;
                }

                await WaitUntilAsync(nextDue, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _runner.RunEnded -= OnRunEnded;
        }
    }

    /// <summary>Starts every cron job that is due at the current time; returns the next due time, if any.</summary>
    internal async Task<DateTimeOffset?> TickAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        DateTimeOffset? nextDue = null;
        foreach (var job in _cronJobs)
        {
            var due = job.NextOccurrence(_lastHandled[job.Name]);
            if (due <= now)
            {
                // Handled as of now: however many occurrences were missed, they make one run.
                _lastHandled[job.Name] = now;
                await WriteWatermarkAsync(job.Name, now, cancellationToken).ConfigureAwait(false);
                if (now - due.Value > MaxTimerWait)
                {
                    JobSchedulerLog.CatchingUp(_logger, job.Name, due.Value);
                }
                else
                {
                    JobSchedulerLog.OccurrenceDue(_logger, job.Name, due.Value);
                }

                await StartAsync(job.Name, cancellationToken).ConfigureAwait(false);
                due = job.NextOccurrence(now);
            }

            if (due < nextDue || nextDue is null)
            {
                nextDue = due;
            }
        }

        return nextDue;
    }

    /// <summary>
    /// Starts an "after" job whose trigger job succeeded after the "after" job's latest run: the host stopped
    /// between the two. Not when the trigger job itself is queued or running again (its success will start it).
    /// </summary>
    private async Task CatchUpAfterJobsAsync(CancellationToken cancellationToken)
    {
        foreach (var job in _afterJobs)
        {
            var triggerJob = job.Schedule.AfterJob!;
            if (_runner.IsActive(triggerJob))
            {
                continue;
            }

            var success = await _history.GetLatestJobRunAsync(triggerJob, JobRunStatus.Succeeded, cancellationToken).ConfigureAwait(false);
            if (success is not { EndedAt: { } succeededAt } || success.Trigger == JobTrigger.Pipeline)
            {
                continue;
            }

            var latest = await _history.GetLatestJobRunAsync(job.Name, status: null, cancellationToken).ConfigureAwait(false);
            if (latest is null || latest.StartedAt < succeededAt)
            {
                JobSchedulerLog.CatchingUpAfter(_logger, job.Name, triggerJob, success.Id);
                await StartAsync(job.Name, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void OnRunEnded(JobRun run)
    {
        // A pipeline decides itself what runs next.
        if (run.Status != JobRunStatus.Succeeded || run.Trigger == JobTrigger.Pipeline)
        {
            return;
        }

        foreach (var job in _afterJobs)
        {
            if (string.Equals(job.Schedule.AfterJob, run.JobName, StringComparison.OrdinalIgnoreCase))
            {
                JobSchedulerLog.AfterTriggered(_logger, job.Name, run.JobName, run.Id);
                _ = StartAsync(job.Name, _stopping);
            }
        }
    }

    private async Task StartAsync(string jobName, CancellationToken cancellationToken)
    {
        try
        {
            var run = await _runner.StartAsync(jobName, variant: null, JobTrigger.Schedule, cancellationToken).ConfigureAwait(false);
            JobSchedulerLog.Started(_logger, jobName, run.RunId, run.Status);
        }
        catch (JobAlreadyRunningException busy)
        {
            JobSchedulerLog.TickSkipped(_logger, jobName, busy.RunId, busy.Status);
        }
        catch (JobPrerequisiteMissingException missing)
        {
            JobSchedulerLog.NotStarted(_logger, jobName, missing.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            JobSchedulerLog.StartFailed(_logger, jobName, exception);
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var wait = dueAt is { } due ? due - now : MaxTimerWait;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait < MaxTimerWait ? wait : MaxTimerWait, _timeProvider, timer.Token);

        // The clock jumped while the timer was being armed (a wall-clock change, a test's fake clock): look at the
        // schedule again rather than sleep past a due time.
        if (_timeProvider.GetUtcNow() - now >= ClockJumpTolerance)
        {
            await timer.CancelAsync().ConfigureAwait(false);
            return;
        }

        await delay.ConfigureAwait(false);
    }

    private async Task<DateTimeOffset?> ReadWatermarkAsync(string jobName, CancellationToken cancellationToken)
    {
        try
        {
            return await _state.GetWatermarkAsync(WatermarkKey(jobName), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            JobSchedulerLog.WatermarkFailed(_logger, jobName, exception);
            return null;
        }
    }

    private async Task WriteWatermarkAsync(string jobName, DateTimeOffset handled, CancellationToken cancellationToken)
    {
        try
        {
            await _state.SetWatermarkAsync(WatermarkKey(jobName), handled, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            JobSchedulerLog.WatermarkFailed(_logger, jobName, exception);
        }
    }
}
