using Aperture.Jobs;
using Aperture.Samples.Console.Cli;
using Aperture.Samples.Console.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Aperture.Samples.Console.Commands;

/// <summary><c>aperture pipeline</c>: the five pipeline jobs in order, a progress bar each.</summary>
internal sealed class PipelineCommand : AsyncCommand<ApertureCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApertureCommandSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ApertureSession.StartConfiguredAsync(settings, cancellationToken).ConfigureAwait(false);
        var runs = await JobProgressView.RunPipelineAsync(
            session.Get<IJobRunner>(),
            [.. MovieJobNames.Pipeline.Select(static name => new PipelineStep(name))],
            cancellationToken).ConfigureAwait(false);
        AnsiConsole.Write(RunTables.Outcomes(runs));
        return cancellationToken.IsCancellationRequested ? ErrorReport.CancelledExitCode
            : runs.All(static run => run.Status == JobRunStatus.Succeeded) ? 0
            : ErrorReport.FailureExitCode;
    }
}
