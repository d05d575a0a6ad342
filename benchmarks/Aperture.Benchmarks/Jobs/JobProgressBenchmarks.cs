using Aperture.Jobs;
using BenchmarkDotNet.Attributes;

namespace Aperture.Benchmarks.Jobs;

/// <summary>
/// What a job pays per <see cref="IJobProgress.Advance"/> (called once per item, from several threads at once), with
/// nobody watching and with a live observer, against a bare interlocked counter.
/// </summary>
[MemoryDiagnoser]
public class JobProgressBenchmarks
{
    private JobProgressTracker _unwatched = null!;
    private JobProgressTracker _watched = null!;
    private CancellationTokenSource _stopWatching = null!;
    private Task _observer = null!;
    private long _counter;

    [GlobalSetup]
    public void Setup()
    {
        _unwatched = Started();
        _watched = Started();
        _stopWatching = new CancellationTokenSource();
        _observer = Task.Run(async () =>
        {
            try
            {
                await foreach (var snapshot in _watched.WatchAsync(_stopWatching.Token))
                {
                    GC.KeepAlive(snapshot);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopWatching.Cancel();
        _observer.GetAwaiter().GetResult();
        _stopWatching.Dispose();
    }

    [Benchmark(Baseline = true)]
    public long InterlockedCounter() => Interlocked.Increment(ref _counter);

    [Benchmark]
    public void Advance() => _unwatched.Advance(1, "Inception (2010)");

    [Benchmark]
    public void AdvanceWatched() => _watched.Advance(1, "Inception (2010)");

    private static JobProgressTracker Started()
    {
        var tracker = new JobProgressTracker(Guid.NewGuid(), "benchmark");
        tracker.Start();
        tracker.BeginStep(0, 1, "Items", itemsTotal: long.MaxValue);
        return tracker;
    }
}
