using System.ComponentModel;
using System.Globalization;
using Aperture.Jobs;
using Aperture.Samples.Console.Cli;
using Aperture.Samples.Console.Rendering;
using Aperture.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Aperture.Samples.Console.Commands;

/// <summary><c>aperture history [JOB]</c>: the latest runs, newest first.</summary>
internal sealed class HistoryCommand : AsyncCommand<HistoryCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var session = await ApertureSession.StartConfiguredAsync(settings, cancellationToken).ConfigureAwait(false);
        var known = session.Get<IJobRunner>().Jobs.Select(static job => job.Name).ToArray();
        if (settings.Job is { } job && !known.Contains(job, StringComparer.OrdinalIgnoreCase))
        {
            throw new UnknownJobException(job, known);
        }

        var runs = await session.Get<IJobRunStore>().GetJobRunsAsync(settings.Job, settings.Limit, cancellationToken).ConfigureAwait(false);
        if (runs.Count == 0)
        {
            AnsiConsole.MarkupLine(settings.Job is null
                ? "No job has run yet. Start with 'aperture pipeline'."
                : $"'{Markup.Escape(settings.Job)}' has not run yet.");
            return 0;
        }

        AnsiConsole.Write(RunTables.History(runs));
        return 0;
    }

    /// <summary>Which runs to show.</summary>
    internal sealed class Settings : ApertureCommandSettings
    {
        [CommandArgument(0, "[JOB]")]
        [Description("Only this job's runs.")]
        public string? Job { get; set; }

        [CommandOption("-n|--limit <N>")]
        [Description("How many runs to show.")]
        [DefaultValue(20)]
        public int Limit { get; set; } = 20;

        public override ValidationResult Validate() =>
            Limit is < 1 or > 10_000
                ? ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--limit must be between 1 and 10000; got {Limit}."))
                : base.Validate();
    }
}
