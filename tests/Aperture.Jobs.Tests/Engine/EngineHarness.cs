using Aperture.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Jobs.Tests.Engine;

/// <summary>
/// The engine as a host composes it (configuration, fake clock, fake logs, the in-memory store, scripted jobs),
/// built on first use.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    /// <summary>Monday 2 November 2026, 12:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly JobScripts _scripts = new();
    private readonly List<Action<IApertureBuilder>> _registrations = [];
    private ServiceProvider? _services;

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Configuration values, for example <c>["Aperture:Jobs:Schedules:a"] = "0 3 * * *"</c>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public ServiceProvider Services => _services ??= Build();

    public IJobRunner Runner => Services.GetRequiredService<IJobRunner>();

    public IApertureStore Store => Services.GetRequiredService<IApertureStore>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public IHostedService SchedulerService => Services.GetServices<IHostedService>().OfType<JobSchedulerService>().Single();

    public JobScript Job<TJob>(string name)
        where TJob : ScriptedJob
    {
        if (_services is not null)
        {
            throw new InvalidOperationException("Add jobs before the engine's first use.");
        }

        var script = _scripts.Add(typeof(TJob), name);
        _registrations.Add(static builder => builder.AddJob<TJob>());
        return script;
    }

    public EngineHarness Configure(Action<IApertureBuilder> configure)
    {
        if (_services is not null)
        {
            throw new InvalidOperationException("Configure the engine before its first use.");
        }

        _registrations.Add(configure);
        return this;
    }

    /// <summary>The run's final state: awaited while it is active, else read from the history.</summary>
    public async Task<JobRun?> EndOfRunAsync(Guid runId)
    {
        if (Runner.ActiveRuns.FirstOrDefault(run => run.RunId == runId) is { } active)
        {
            return await active.Completion.WaitAsync(JobScript.Patience);
        }

        return (await HistoryAsync()).FirstOrDefault(run => run.Id == runId);
    }

    public async Task<IReadOnlyList<JobRun>> HistoryAsync(string? jobName = null) => await Store.GetJobRunsAsync(jobName, limit: 1000);

    /// <summary>Waits for a log record that <paramref name="match"/> accepts (records already logged count).</summary>
    public async Task<FakeLogRecord> WaitForLogAsync(Func<FakeLogRecord, bool> match)
    {
        FakeLogRecord? found = null;
        await Eventually.Async(() => (found = Logs.GetSnapshot().FirstOrDefault(match)) is not null, "the expected log record");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(_scripts);
        services.AddFakeLogging();
        services.AddAperture(builder =>
        {
            builder.AddInMemoryStore();
            foreach (var registration in _registrations)
            {
                registration(builder);
            }
        });

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
