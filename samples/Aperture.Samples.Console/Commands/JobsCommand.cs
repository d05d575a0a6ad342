using Aperture.Jobs;
using Aperture.Samples.Console.Cli;
using Aperture.Samples.Console.Rendering;
using Aperture.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Aperture.Samples.Console.Commands;

/// <summary><c>aperture jobs</c>: the registered jobs with their schedule in force, prerequisites and last run.</summary>
internal sealed class JobsCommand : AsyncCommand<ApertureCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApertureCommandSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ApertureSession.StartConfiguredAsync(settings, cancellationToken).ConfigureAwait(false);
        var runner = session.Get<IJobRunner>();
        var history = session.Get<IJobRunStore>();
        var lastRuns = new Dictionary<string, JobRun?>(StringComparer.OrdinalIgnoreCase);
        foreach (var job in runner.Jobs)
        {
            lastRuns[job.Name] = await history.GetLatestJobRunAsync(job.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        AnsiConsole.Write(RunTables.Jobs(runner.Jobs, lastRuns));
        AnsiConsole.MarkupLine("[grey]Schedules apply where the scheduler runs ('aperture schedule' or the worker sample); change one with Aperture:Jobs:Schedules:<job>.[/]");
        return 0;
    }
}
