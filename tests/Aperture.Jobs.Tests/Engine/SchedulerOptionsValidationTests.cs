using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Jobs.Tests.Engine;

/// <summary>Schedules are checked against the registered jobs when the host starts, not when a tick comes.</summary>
public sealed class SchedulerOptionsValidationTests
{
    private readonly JobScripts _scripts = new();
    private readonly Dictionary<string, string?> _settings = [];

    public SchedulerOptionsValidationTests()
    {
        _scripts.Add(typeof(JobA), MovieJobNames.SyncMovies).DefaultSchedule = JobSchedule.OnCron("0 2 * * *");
        _scripts.Add(typeof(JobB), MovieJobNames.GenerateRecommendations).DefaultSchedule = JobSchedule.OnCron("0 4 * * 0");
        _scripts.Add(typeof(JobC), MovieJobNames.FullResetRecommendations).IsManualOnly = true;
        _scripts.Add(typeof(JobD), MovieJobNames.SyncLibraries).DefaultSchedule = JobSchedule.After(MovieJobNames.GenerateRecommendations);
    }

    [Theory]
    [InlineData("0 3 * * *")]
    [InlineData("@weekly")]
    [InlineData("after:generate-movie-recommendations")]
    public async Task Any_schedule_for_a_manual_only_job_is_rejected_at_start_up(string schedule)
    {
        _settings[$"Aperture:Jobs:Schedules:{MovieJobNames.FullResetRecommendations}"] = schedule;

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(StartHostAsync);

        Assert.Equal(
            $"Aperture:Jobs:Schedules:full-reset-movie-recommendations: job 'full-reset-movie-recommendations' is manual only and cannot be scheduled (\"{schedule}\"). "
            + "Remove the setting or set it to \"manual\", and start the job by hand.",
            Assert.Single(refused.Failures));
    }

    [Fact]
    public async Task A_manual_only_job_may_be_configured_manual()
    {
        _settings[$"Aperture:Jobs:Schedules:{MovieJobNames.FullResetRecommendations}"] = "manual";

        using var host = await StartHostAsync();

        Assert.True(host.Services.GetRequiredService<IJobRunner>().Jobs.Single(job => job.IsManualOnly).Schedule.IsManual);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_manual_only_job_whose_own_default_schedule_is_not_manual_is_rejected()
    {
        _scripts.For(typeof(JobC)).DefaultSchedule = JobSchedule.OnCron("0 5 * * *");

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(StartHostAsync);

        Assert.Contains("is \"cron: 0 5 * * *\", but the job is manual only: its DefaultSchedule must be JobSchedule.Manual.", Assert.Single(refused.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_wrong_setting_is_reported_at_once_with_its_name()
    {
        _settings["Aperture:Jobs:TimeZone"] = "Europe/Atlantis";
        _settings["Aperture:Jobs:Schedules:sync-movie"] = "0 3 * * *";
        _settings[$"Aperture:Jobs:Schedules:{MovieJobNames.SyncMovies}"] = "0 3 * *";
        _settings[$"Aperture:Jobs:Schedules:{MovieJobNames.GenerateRecommendations}"] = "after:sync-movie-libraries";

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(StartHostAsync);
        var failures = string.Join("\n", refused.Failures);

        Assert.Contains("Aperture:Jobs:TimeZone: 'Europe/Atlantis' is not a time zone this machine knows", failures, StringComparison.Ordinal);
        Assert.Contains("Aperture:Jobs:Schedules:sync-movie: there is no job named 'sync-movie'. Known jobs: sync-movies, generate-movie-recommendations, full-reset-movie-recommendations, sync-movie-libraries.", failures, StringComparison.Ordinal);
        Assert.Contains("Aperture:Jobs:Schedules:sync-movies: \"0 3 * *\" is not a valid cron expression", failures, StringComparison.Ordinal);
        Assert.Contains("the 'after' schedules form a loop (generate-movie-recommendations ← sync-movie-libraries ← generate-movie-recommendations)", failures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_after_schedule_must_name_a_registered_job_other_than_itself()
    {
        _settings[$"Aperture:Jobs:Schedules:{MovieJobNames.SyncMovies}"] = "after:sync-everything";
        _settings[$"Aperture:Jobs:Schedules:{MovieJobNames.SyncLibraries}"] = "after:sync-movie-libraries";

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(StartHostAsync);

        Assert.Equal(2, refused.Failures.Count());
        Assert.Contains(refused.Failures, failure => failure.StartsWith("Aperture:Jobs:Schedules:sync-movies: \"after:sync-everything\" names no registered job.", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, failure => failure.StartsWith("Aperture:Jobs:Schedules:sync-movie-libraries: job 'sync-movie-libraries' cannot run after itself", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MaxConcurrentRuns", "0")]
    [InlineData("MaxConcurrentRuns", "17")]
    [InlineData("ShutdownGracePeriod", "-00:00:01")]
    [InlineData("ShutdownGracePeriod", "02:00:00")]
    public async Task The_engine_settings_ranges_are_checked_at_start_up(string setting, string value)
    {
        _settings[$"Aperture:Jobs:{setting}"] = value;

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(StartHostAsync);

        Assert.Contains(setting, Assert.Single(refused.Failures), StringComparison.Ordinal);
    }

    private async Task<IHost> StartHostAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(EngineHarness.Start));
        builder.Services.AddSingleton(_scripts);
        builder.Services.AddAperture(static aperture => aperture
            .AddInMemoryStore()
            .AddJob<JobA>()
            .AddJob<JobB>()
            .AddJob<JobC>()
            .AddJob<JobD>()
            .AddScheduler());

        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
