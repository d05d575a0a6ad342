using System.Runtime.CompilerServices;

namespace Aperture.Jobs;

/// <summary>
/// The engine's <see cref="IJobProgress"/>: keeps one run's progress, computes a clamped, per-step monotonic
/// percent and wakes the run's observers. Reports cost no allocation; a snapshot is built only when read, and
/// observers that fall behind simply read the latest one.
/// </summary>
internal sealed class JobProgressTracker : IJobProgress
{
    private const string InitialStep = "Starting";

    private readonly Lock _gate = new();
    private readonly Guid _runId;
    private readonly string _jobName;

    private string _step = InitialStep;
    private int _stepIndex;
    private int _stepCount = 1;
    private long _itemsDone;
    private long? _itemsTotal;
    private string? _currentItem;
    private double _percent;

    private bool _started;
    private bool _closed;
    private long _version;
    private JobProgress? _snapshot;
    private TaskCompletionSource? _changed;

    public JobProgressTracker(Guid runId, string jobName)
    {
        _runId = runId;
        _jobName = jobName;
    }

    /// <summary>The latest snapshot, or <see langword="null"/> before the run starts.</summary>
    public JobProgress? Current
    {
        get
        {
            lock (_gate)
            {
                return _started ? Snapshot() : null;
            }
        }
    }

    public void BeginStep(int index, int count, string name, long? itemsTotal = null)
    {
        lock (_gate)
        {
            _stepCount = Math.Max(count, 1);
            _stepIndex = Math.Clamp(index, 0, _stepCount - 1);
            _step = string.IsNullOrWhiteSpace(name) ? $"Step {_stepIndex + 1} of {_stepCount}" : name;
            _itemsDone = 0;
            _itemsTotal = itemsTotal is { } total ? Math.Max(total, 0) : null;
            _currentItem = null;

            // A new step starts from its own computed position; only within a step is percent held monotonic.
            _percent = ComputePercent();
            Changed();
        }
    }

    public void SetItemsTotal(long itemsTotal)
    {
        lock (_gate)
        {
            _itemsTotal = Math.Max(itemsTotal, 0);
            _percent = Math.Max(_percent, ComputePercent());
            Changed();
        }
    }

    public void Advance(long items = 1, string? currentItem = null)
    {
        lock (_gate)
        {
            if (items > 0)
            {
                _itemsDone = items > long.MaxValue - _itemsDone ? long.MaxValue : _itemsDone + items;
            }

            _currentItem = currentItem;
            _percent = Math.Max(_percent, ComputePercent());
            Changed();
        }
    }

    /// <summary>The run has started: observers get a first snapshot.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _started = true;
            Changed();
        }
    }

    /// <summary>The run succeeded: its progress is complete.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _percent = 100;
            Changed();
        }
    }

    /// <summary>The run has ended: observers get the last change, then their enumeration ends.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Changed();
        }
    }

    public async IAsyncEnumerable<JobProgress> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = -1L;
        while (true)
        {
            JobProgress? next = null;
            Task? changed = null;
            lock (_gate)
            {
                if (_started && _version != seen)
                {
                    seen = _version;
                    next = Snapshot();
                }
                else if (!_closed)
                {
                    changed = (_changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }
            }

            if (next is not null)
            {
                yield return next;
            }
            else if (changed is not null)
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                yield break;
            }
        }
    }

    private double ComputePercent()
    {
        var fraction = _itemsTotal is long total && total > 0 ? (double)Math.Min(_itemsDone, total) / total : 0d;
        return Math.Clamp((_stepIndex + fraction) / _stepCount * 100d, 0d, 100d);
    }

    private JobProgress Snapshot() =>
        _snapshot ??= new JobProgress(_runId, _jobName, _step, _stepIndex, _stepCount, _itemsDone, _itemsTotal, _currentItem, _percent);

    private void Changed()
    {
        _version++;
        _snapshot = null;
        var changed = _changed;
        _changed = null;
        changed?.TrySetResult();
    }
}
