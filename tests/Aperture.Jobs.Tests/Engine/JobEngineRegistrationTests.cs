using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aperture.Jobs.Tests.Engine;

public sealed class JobEngineRegistrationTests
{
    [Fact]
    public async Task Registering_the_engine_jobs_and_scheduler_twice_changes_nothing()
    {
        await using var engine = new EngineHarness();
        engine.Job<JobA>("alpha");
        engine.Configure(static builder => builder
            .AddJobEngine()
            .AddJob<JobA>()
            .AddScheduler()
            .AddScheduler(static options => options.ShutdownGracePeriod = TimeSpan.FromSeconds(3))
            .AddJobEngine(static options => options.MaxConcurrentRuns = 2));

        Assert.Equal(["alpha"], engine.Runner.Jobs.Select(job => job.Name));
        Assert.Single(engine.Services.GetServices<IHostedService>());
        Assert.Same(engine.Runner, engine.Services.GetRequiredService<JobRunner>());
    }

    [Fact]
    public async Task Two_jobs_with_one_name_are_refused_when_the_engine_is_built()
    {
        await using var engine = new EngineHarness();
        engine.Job<JobA>("sync");
        engine.Job<JobB>("Sync");

        var refused = Assert.Throws<InvalidOperationException>(() => engine.Runner);

        Assert.Equal(
            $"Two registered jobs are named 'Sync' ({typeof(JobA).FullName} and {typeof(JobB).FullName}); job names must be unique.",
            refused.Message);
    }

    [Fact]
    public async Task Each_run_resolves_its_job_in_a_scope_of_its_own_disposed_when_the_run_ends()
    {
        await using var engine = new EngineHarness();
        engine.Configure(static builder =>
        {
            builder.Services.AddScoped<RunResource>();
            builder.AddJob<ScopedJob>();
        });

        var first = await engine.Runner.RunAsync(ScopedJob.JobName);
        var second = await engine.Runner.RunAsync(ScopedJob.JobName);

        Assert.Equal(JobRunStatus.Succeeded, first.Status);
        Assert.NotEqual(first.Summary, second.Summary);
        Assert.All(RunResource.Created.Where(resource => resource.Summary is not null), resource => Assert.True(resource.Disposed));
    }

    private sealed class RunResource : IDisposable
    {
        public static readonly List<RunResource> Created = [];

        public RunResource()
        {
            lock (Created)
            {
                Created.Add(this);
                Number = Created.Count;
            }
        }

        public int Number { get; }

        public string? Summary { get; set; }

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class ScopedJob(RunResource resource) : IJob
    {
        public const string JobName = "scoped";

        public string Name => JobName;

        public string Description => "Uses a scoped service.";

        public JobSchedule DefaultSchedule => JobSchedule.Manual;

        public bool IsManualOnly => false;

        public IReadOnlyList<string> Prerequisites => [];

        public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
        {
            Assert.False(resource.Disposed);
            resource.Summary = $"resource {resource.Number}";
            return Task.FromResult(JobScript.Succeeded(resource.Summary));
        }
    }
}
