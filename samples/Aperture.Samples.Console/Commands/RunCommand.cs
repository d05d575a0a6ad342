using System.ComponentModel;
using Aperture.Jobs;
using Aperture.Samples.Console.Cli;
using Aperture.Samples.Console.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Aperture.Samples.Console.Commands;

/// <summary><c>aperture run JOB [--full]</c>: runs one job with a progress bar.</summary>
internal sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var session = await ApertureSession.StartConfiguredAsync(settings, cancellationToken).ConfigureAwait(false);
        var handle = await session.Get<IJobRunner>()
            .StartAsync(settings.Job, settings.Full ? MovieJobNames.FullVariant : null, JobTrigger.Manual, cancellationToken)
            .ConfigureAwait(false);
        var run = await JobProgressView.FollowAsync(handle, cancellationToken).ConfigureAwait(false);
        AnsiConsole.Write(RunTables.Outcomes([run]));
        return run.Status switch
        {
            JobRunStatus.Succeeded => 0,
            JobRunStatus.Cancelled => ErrorReport.CancelledExitCode,
            _ => ErrorReport.FailureExitCode,
        };
    }

    /// <summary>The job to run and its variant.</summary>
    internal sealed class Settings : ApertureCommandSettings
    {
        [CommandArgument(0, "<JOB>")]
        [Description("The job's name, for example sync-movies ('aperture jobs' lists them).")]
        public string Job { get; set; } = string.Empty;

        [CommandOption("--full")]
        [Description("Runs the job's full variant (sync-movie-watch-history: a complete resync).")]
        public bool Full { get; set; }
    }
}
