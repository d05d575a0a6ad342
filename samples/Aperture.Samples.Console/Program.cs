using Aperture.Samples.Console.Cli;
using Aperture.Samples.Console.Commands;
using Spectre.Console.Cli;

// The aperture command line. Every command but 'demo' works against the server and provider configured in
// appsettings.json, APERTURE__… environment variables, --config FILE and --set KEY=VALUE.
var verbose = args.Any(static arg => arg is "-v" or "--verbose");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    // The first Ctrl+C stops the work gracefully (runs end cancelled and are recorded); a second one kills.
    press.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("aperture");
    config.SetExceptionHandler((exception, _) => ErrorReport.Write(exception, verbose));
    config.AddCommand<DemoCommand>("demo")
        .WithDescription("Runs the whole pipeline on a bundled demo server: no setup, no network, no keys.")
        .WithExample("demo")
        .WithExample("demo", "--movies", "500", "--embeddings", "hash");
    config.AddCommand<JobsCommand>("jobs")
        .WithDescription("Lists the jobs: schedule, manual-only flag, prerequisites and last run.");
    config.AddCommand<RunCommand>("run")
        .WithDescription("Runs one job and follows its progress.")
        .WithExample("run", "sync-movies")
        .WithExample("run", "sync-movie-watch-history", "--full");
    config.AddCommand<PipelineCommand>("pipeline")
        .WithDescription("Runs the five pipeline jobs in order, each only if the previous one succeeded.");
    config.AddCommand<ScheduleCommand>("schedule")
        .WithDescription("Runs the jobs on their schedules until Ctrl+C.");
    config.AddCommand<HistoryCommand>("history")
        .WithDescription("Shows the latest job runs, of one job when named.")
        .WithExample("history")
        .WithExample("history", "generate-movie-embeddings", "--limit", "5");
    config.AddCommand<EvaluateCommand>("evaluate")
        .WithDescription("Measures the recommender's offline quality on the stored watch history.");
    config.AddCommand<StatusCommand>("status")
        .WithDescription("Checks the media server connection and counts what the store holds.");
});

return await app.RunAsync(args, stop.Token).ConfigureAwait(false);
