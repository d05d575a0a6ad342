using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Aperture.Jobs;
using Aperture.Samples.Console.Cli;
using Aperture.Samples.Console.Demo;
using Aperture.Samples.Console.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Aperture.Samples.Console.Commands;

/// <summary>
/// <c>aperture demo</c>: the whole pipeline on a bundled demo server, with no setup, network or key. A second run on
/// the same data folder is incremental: the demo server is the same (ids included), so nothing is re-embedded.
/// </summary>
internal sealed class DemoCommand : AsyncCommand<DemoCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        var demo = new DemoSettings(settings.DataDirectory, settings.Movies, settings.Users, settings.Embeddings.ToLowerInvariant());
        AnsiConsole.Write(new Rule("[bold]Aperture demo[/]").LeftJustified());

        await using var environment = await AnsiConsole.Status().StartAsync(
            "Starting the demo media server…",
            _ => DemoEnvironment.StartAsync(demo, new ConsoleLoggerProvider(settings.Verbose), settings.Verbose, settings.OverridePairs, cancellationToken)).ConfigureAwait(false);
        AnsiConsole.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"A {environment.Server.Kind} {Markup.Escape(environment.Server.Version)} emulator at [blue]{Markup.Escape(environment.Server.BaseUrl.ToString())}[/] with {demo.Movies:N0} movies and {demo.Users} users; [bold]{Markup.Escape(demo.Embeddings)}[/] embeddings; data in [blue]{Markup.Escape(Path.GetFullPath(demo.DataDirectory))}[/]."));
        AnsiConsole.WriteLine();

        var runs = await JobProgressView.RunPipelineAsync(environment.Session.Get<IJobRunner>(), [.. MovieJobNames.Pipeline.Select(static name => new PipelineStep(name))], cancellationToken).ConfigureAwait(false);
        AnsiConsole.Write(RunTables.Outcomes(runs));
        if (cancellationToken.IsCancellationRequested)
        {
            return ErrorReport.CancelledExitCode;
        }

        if (runs.FirstOrDefault(static run => run.Status != JobRunStatus.Succeeded) is { } stopped)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] the demo stopped at {Markup.Escape(stopped.JobName)}: {Markup.Escape(stopped.Error ?? stopped.Summary ?? stopped.Status.ToString())}");
            return ErrorReport.FailureExitCode;
        }

        AnsiConsole.WriteLine();
        AnsiConsole.Write(new Rule("[bold]Top picks[/]").LeftJustified());
        foreach (var table in DemoReport.Picks(await environment.GetPicksAsync(cancellationToken).ConfigureAwait(false), settings.Top))
        {
            AnsiConsole.Write(table);
        }

        AnsiConsole.WriteLine();
        AnsiConsole.Write(new Rule("[bold]Libraries written[/]").LeftJustified());
        AnsiConsole.Write(DemoReport.Libraries(demo.LibraryRoot, moviesShown: 2));
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine($"Done in [bold]{RunTables.Duration(clock.Elapsed)}[/]. {Incremental(runs)}");
        return 0;
    }

    // The jobs' own counts tell a first run from an incremental one.
    private static string Incremental(IReadOnlyList<JobRun> runs)
    {
        var embedded = runs.Single(static run => run.JobName == MovieJobNames.GenerateEmbeddings).Counts.GetValueOrDefault("generated");
        var libraries = runs.Single(static run => run.JobName == MovieJobNames.SyncLibraries).Counts;
        return embedded == 0
            ? string.Create(CultureInfo.InvariantCulture, $"This run was incremental: nothing was re-embedded, {libraries.GetValueOrDefault("unchanged"):N0} movie folders were left as they were and {libraries.GetValueOrDefault("written"):N0} written.")
            : "Run the same command again: the second run is incremental (nothing is re-embedded, unchanged library files are left alone).";
    }

    /// <summary>The demo's options.</summary>
    internal sealed class Settings : ApertureCommandSettings
    {
        [CommandOption("-d|--data <DIR>")]
        [Description("The folder for the demo's store and libraries.")]
        [DefaultValue("aperture-demo")]
        public string DataDirectory { get; set; } = "aperture-demo";

        [CommandOption("-m|--movies <N>")]
        [Description("How many films of the bundled catalogue the demo server holds.")]
        [DefaultValue(DemoSettings.DefaultMovies)]
        public int Movies { get; set; } = DemoSettings.DefaultMovies;

        [CommandOption("-u|--users <N>")]
        [Description("How many demo users (five tastes, repeated after five).")]
        [DefaultValue(DemoSettings.DefaultUsers)]
        public int Users { get; set; } = DemoSettings.DefaultUsers;

        [CommandOption("-e|--embeddings <PROVIDER>")]
        [Description("local (the bundled all-MiniLM-L6-v2 model) or hash (instant, lower quality).")]
        [DefaultValue("local")]
        public string Embeddings { get; set; } = "local";

        [CommandOption("-t|--top <N>")]
        [Description("How many picks to print per user.")]
        [DefaultValue(5)]
        public int Top { get; set; } = 5;

        public override ValidationResult Validate()
        {
            var catalogue = DemoCatalogue.Films.Count;
            return Movies < 1 || Movies > catalogue ? ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--movies must be between 1 and {catalogue} (the films in the bundled catalogue); got {Movies}."))
                : Users is < 1 or > 100 ? ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--users must be between 1 and 100; got {Users}."))
                : Embeddings.ToLowerInvariant() is not ("local" or "hash") ? ValidationResult.Error($"--embeddings must be local or hash; got '{Embeddings}'.")
                : Top < 1 ? ValidationResult.Error("--top must be 1 or more.")
                : base.Validate();
        }
    }
}
