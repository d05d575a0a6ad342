using Aperture.Jobs;
using Aperture.Samples.Console.Cli;
using Aperture.Samples.Console.Rendering;
using Aperture.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Aperture.Samples.Console.Commands;

/// <summary>
/// <c>aperture schedule</c>: runs the scheduler until Ctrl+C, printing a line as each run starts and ends. On Ctrl+C
/// running jobs get <c>Aperture:Jobs:ShutdownGracePeriod</c> to finish, then are cancelled (and recorded so).
/// </summary>
internal sealed class ScheduleCommand : AsyncCommand<ApertureCommandSettings>
{
    // How often the command looks for runs the scheduler started.
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(250);

    public override async Task<int> ExecuteAsync(CommandContext context, ApertureCommandSettings settings, CancellationToken cancellationToken)
    {
        var session = await ApertureSession.StartConfiguredAsync(settings, cancellationToken, withScheduler: true).ConfigureAwait(false);
        var runner = session.Get<IJobRunner>();
        var endings = new List<Task>();
        try
        {
            var history = session.Get<IJobRunStore>();
            var lastRuns = new Dictionary<string, JobRun?>(StringComparer.OrdinalIgnoreCase);
            foreach (var job in runner.Jobs)
            {
                lastRuns[job.Name] = await history.GetLatestJobRunAsync(job.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            AnsiConsole.Write(RunTables.Jobs(runner.Jobs, lastRuns));
            AnsiConsole.MarkupLine("The scheduler is running (missed runs are caught up now). Press [bold]Ctrl+C[/] to stop.");
            await FollowRunsAsync(runner, endings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            AnsiConsole.MarkupLine("Stopping: running jobs get their grace period, then are cancelled…");
            await session.DisposeAsync().ConfigureAwait(false);
            await Task.WhenAll(endings).ConfigureAwait(false);
        }

        AnsiConsole.MarkupLine("Stopped.");
        return 0;
    }

    private static async Task FollowRunsAsync(IJobRunner runner, List<Task> endings, CancellationToken cancellationToken)
    {
        var followed = new HashSet<Guid>();
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var run in runner.ActiveRuns.Where(run => followed.Add(run.RunId)))
            {
                AnsiConsole.MarkupLine($"[blue]▶[/] {Markup.Escape(run.JobName)} started ({run.Trigger.ToString().ToLowerInvariant()})");
                endings.Add(PrintEndAsync(run));
            }

            endings.RemoveAll(static ending => ending.IsCompleted);
            try
            {
                await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private static async Task PrintEndAsync(IJobRunHandle handle)
    {
        var run = await handle.Completion.ConfigureAwait(false);
        var detail = run.Error ?? run.Summary ?? string.Empty;
        AnsiConsole.MarkupLine($"{RunTables.Status(run.Status)} {Markup.Escape(run.JobName)} in {RunTables.Duration(run.Duration)}: {Markup.Escape(detail)}");
    }
}
