using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aperture.Jobs;

/// <summary>
/// Hosts the scheduler. On start it loads what the scheduler remembers (so missed runs are caught up); on stop it
/// ends the loop, lets running jobs go on for <see cref="SchedulerOptions.ShutdownGracePeriod"/>, then cancels them
/// and waits for their runs to be recorded as cancelled.
/// </summary>
internal sealed class JobSchedulerService(JobScheduler scheduler, JobRunner runner, IOptions<SchedulerOptions> options) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await scheduler.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await runner.StopAsync(options.Value.ShutdownGracePeriod, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => scheduler.RunAsync(stoppingToken);
}
