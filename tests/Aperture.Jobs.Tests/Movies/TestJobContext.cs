using Aperture.Jobs;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Jobs.Tests.Movies;

/// <summary>A job context for calling a movie job's <see cref="IJob.RunAsync"/> directly in a test.</summary>
internal sealed class TestJobContext
{
    public TestJobContext(string jobName, string? variant = null, TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        Context = new JobContext(Guid.NewGuid(), jobName, variant, JobTrigger.Manual, Progress, Logger, TimeProvider);
    }

    public RecordingJobProgress Progress { get; } = new();

    public FakeLogger Logger { get; } = new();

    public TimeProvider TimeProvider { get; }

    public JobContext Context { get; }
}

/// <summary>Records every progress report a job makes.</summary>
internal sealed class RecordingJobProgress : IJobProgress
{
    private readonly Lock _gate = new();

    public List<string> Steps { get; } = [];

    public long ItemsAdvanced { get; private set; }

    public void BeginStep(int index, int count, string name, long? itemsTotal = null)
    {
        lock (_gate)
        {
            Steps.Add(name);
        }
    }

    public void SetItemsTotal(long itemsTotal)
    {
    }

    public void Advance(long items = 1, string? currentItem = null)
    {
        lock (_gate)
        {
            ItemsAdvanced += items;
        }
    }
}
