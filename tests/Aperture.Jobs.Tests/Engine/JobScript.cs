using System.Threading.Channels;

namespace Aperture.Jobs.Tests.Engine;

/// <summary>
/// What one test job is and does: its metadata (read when the engine first lists jobs) and its behaviour, plus a
/// record of its runs. Tests set it up before the engine is built.
/// </summary>
internal sealed class JobScript(string name)
{
    /// <summary>How long a test waits for something the engine should do promptly, as a failure guard only.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<JobContext> _starts = Channel.CreateUnbounded<JobContext>();
    private int _runCount;

    public string Name { get; } = name;

    public string Description { get; set; } = "A test job.";

    public JobSchedule DefaultSchedule { get; set; } = JobSchedule.Manual;

    public bool IsManualOnly { get; set; }

    public IReadOnlyList<string> Prerequisites { get; set; } = [];

    /// <summary>What a run does; by default it succeeds at once.</summary>
    public Func<JobContext, CancellationToken, Task<JobResult>> Behavior { get; set; } = static (_, _) => Task.FromResult(Succeeded());

    public int RunCount => Volatile.Read(ref _runCount);

    public static JobResult Succeeded(string summary = "done", long items = 1) =>
        new(summary, items, items, new Dictionary<string, long> { ["done"] = items });

    /// <summary>Runs until <paramref name="release"/> completes, honouring the token meanwhile.</summary>
    public JobScript BlocksUntil(Task release)
    {
        Behavior = async (_, cancellationToken) =>
        {
            await release.WaitAsync(cancellationToken);
            return Succeeded();
        };
        return this;
    }

    public JobScript Throws(Exception exception)
    {
        Behavior = (_, _) => Task.FromException<JobResult>(exception);
        return this;
    }

    /// <summary>Waits for the next run of this job to start and returns its context.</summary>
    public async Task<JobContext> NextStartAsync() => await _starts.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>Whether a run has started that no <see cref="NextStartAsync"/> has taken yet.</summary>
    public bool HasUnobservedStart => _starts.Reader.Count > 0;

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runCount);
        _starts.Writer.TryWrite(context);
        return Behavior(context, cancellationToken);
    }
}

/// <summary>The scripts of a test's jobs, by job type.</summary>
internal sealed class JobScripts
{
    private readonly Dictionary<Type, JobScript> _scripts = [];

    public JobScript Add(Type jobType, string name) => _scripts[jobType] = new JobScript(name);

    public JobScript For(Type jobType) => _scripts[jobType];
}

/// <summary>A job that does what its <see cref="JobScript"/> says; one subclass per job a test needs.</summary>
internal abstract class ScriptedJob(JobScript script) : IJob
{
    public string Name => script.Name;

    public string Description => script.Description;

    public JobSchedule DefaultSchedule => script.DefaultSchedule;

    public bool IsManualOnly => script.IsManualOnly;

    public IReadOnlyList<string> Prerequisites => script.Prerequisites;

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken) => script.RunAsync(context, cancellationToken);
}

internal sealed class JobA(JobScripts scripts) : ScriptedJob(scripts.For(typeof(JobA)));

internal sealed class JobB(JobScripts scripts) : ScriptedJob(scripts.For(typeof(JobB)));

internal sealed class JobC(JobScripts scripts) : ScriptedJob(scripts.For(typeof(JobC)));

internal sealed class JobD(JobScripts scripts) : ScriptedJob(scripts.For(typeof(JobD)));

internal sealed class JobE(JobScripts scripts) : ScriptedJob(scripts.For(typeof(JobE)));
