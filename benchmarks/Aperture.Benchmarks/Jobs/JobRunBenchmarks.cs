using Aperture.Jobs;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aperture.Benchmarks.Jobs;

/// <summary>
/// The engine's cost per run (scope, history row inserted and updated in the in-memory store, progress, hand-off to
/// the thread pool) against calling the same no-op job directly.
/// </summary>
[MemoryDiagnoser]
public class JobRunBenchmarks
{
    private ServiceProvider _services = null!;
    private IJobRunner _runner = null!;
    private JobContext _context = null!;
    private readonly NoOpJob _job = new();

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddAperture(static builder => builder.AddInMemoryStore().AddJob<NoOpJob>());
        _services = services.BuildServiceProvider();
        _runner = _services.GetRequiredService<IJobRunner>();
        _context = new JobContext(Guid.NewGuid(), NoOpJob.JobName, null, JobTrigger.Manual, new JobProgressTracker(Guid.NewGuid(), NoOpJob.JobName), NullLogger.Instance, TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public Task<JobResult> CallTheJob() => _job.RunAsync(_context, CancellationToken.None);

    [Benchmark]
    public Task<JobRun> RunThroughTheEngine() => _runner.RunAsync(NoOpJob.JobName);

    internal sealed class NoOpJob : IJob
    {
        public const string JobName = "no-op";

        private static readonly JobResult Done = new("done", 0, 0, new Dictionary<string, long>());

        public string Name => JobName;

        public string Description => "Does nothing.";

        public JobSchedule DefaultSchedule => JobSchedule.Manual;

        public bool IsManualOnly => false;

        public IReadOnlyList<string> Prerequisites => [];

        public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
        {
            context.Progress.BeginStep(0, 1, "Nothing", itemsTotal: 1);
            context.Progress.Advance();
            return Task.FromResult(Done);
        }
    }
}
