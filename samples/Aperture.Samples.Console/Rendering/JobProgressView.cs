using System.Globalization;
using Aperture.Jobs;
using Spectre.Console;

namespace Aperture.Samples.Console.Rendering;

/// <summary>Live progress bars, one per job run, fed by the engine's progress snapshots.</summary>
internal static class JobProgressView
{
    // How often the view looks for the pipeline's next run; the bars themselves follow each run's own updates.
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Runs <paramref name="steps"/> as a pipeline with a bar per step. Cancelling <paramref name="cancellationToken"/>
    /// cancels the running step and skips the rest (they are recorded as skipped).
    /// </summary>
    public static async Task<IReadOnlyList<JobRun>> RunPipelineAsync(IJobRunner runner, IReadOnlyList<PipelineStep> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(steps);
        using var hold = ConsoleLoggerProvider.HoldWhileLive();
        return await CreateProgress().StartAsync(async context =>
        {
            var bars = steps.Select(step => (Step: step, Bar: context.AddTask(Waiting(step.JobName), autoStart: false))).ToArray();
            var pipeline = runner.RunPipelineAsync(steps, cancellationToken);
            var followed = new HashSet<Guid>();
            var followers = new List<Task>();
            while (!pipeline.IsCompleted)
            {
                foreach (var run in runner.ActiveRuns)
                {
                    var bar = bars.FirstOrDefault(entry => string.Equals(entry.Step.JobName, run.JobName, StringComparison.OrdinalIgnoreCase)).Bar;
                    if (bar is not null && run.Trigger == JobTrigger.Pipeline && followed.Add(run.RunId))
                    {
                        followers.Add(FollowAsync(run, bar));
                    }
                }

                await Task.WhenAny(pipeline, Task.Delay(s_pollInterval, CancellationToken.None)).ConfigureAwait(false);
            }

            var runs = await pipeline.ConfigureAwait(false);
            await Task.WhenAll(followers).ConfigureAwait(false);
            for (var i = 0; i < runs.Count; i++)
            {
                Finish(bars[i].Bar, runs[i]);
            }

            return runs;
        }).ConfigureAwait(false);
    }

    /// <summary>Follows one started run with a bar until it ends; cancelling <paramref name="cancellationToken"/> cancels the run.</summary>
    public static async Task<JobRun> FollowAsync(IJobRunHandle run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var hold = ConsoleLoggerProvider.HoldWhileLive();
        using var cancel = cancellationToken.Register(static state => ((IJobRunHandle)state!).Cancel(), run);
        return await CreateProgress().StartAsync(async context =>
        {
            var bar = context.AddTask(Waiting(run.JobName), autoStart: false);
            await FollowAsync(run, bar).ConfigureAwait(false);
            var ended = await run.Completion.ConfigureAwait(false);
            Finish(bar, ended);
            return ended;
        }).ConfigureAwait(false);
    }

    private static Progress CreateProgress() => AnsiConsole.Progress()
        .AutoClear(false)
        .HideCompleted(false)
        .Columns(
            new SpinnerColumn(),
            new TaskDescriptionColumn { Alignment = Justify.Left },
            new ProgressBarColumn(),
            new PercentageColumn(),
            new ElapsedTimeColumn());

    private static async Task FollowAsync(IJobRunHandle run, ProgressTask bar)
    {
        bar.StartTask();
        await foreach (var progress in run.WatchProgressAsync().ConfigureAwait(false))
        {
            bar.Value = progress.Percent;
            bar.Description = Describe(progress);
        }
    }

    private static string Waiting(string jobName) => $"{Markup.Escape(jobName)} [grey]waiting[/]";

    private static string Describe(JobProgress progress)
    {
        var items = progress.ItemsTotal is { } total
            ? string.Create(CultureInfo.InvariantCulture, $" {progress.ItemsDone:N0}/{total:N0}")
            : progress.ItemsDone > 0 ? string.Create(CultureInfo.InvariantCulture, $" {progress.ItemsDone:N0}") : string.Empty;
        var step = progress.StepCount > 1 ? string.Create(CultureInfo.InvariantCulture, $"{progress.StepIndex + 1}/{progress.StepCount} ") : string.Empty;
        return $"{Markup.Escape(progress.JobName)} [grey]{step}{Markup.Escape(progress.Step)}{items}[/]";
    }

    private static void Finish(ProgressTask bar, JobRun run)
    {
        var name = Markup.Escape(run.JobName);
        switch (run.Status)
        {
            case JobRunStatus.Succeeded:
                bar.Value = bar.MaxValue;
                bar.Description = $"[green]✓[/] {name}";
                break;
            case JobRunStatus.Skipped:
                bar.Description = $"[yellow]–[/] {name} [yellow]skipped[/]";
                break;
            case JobRunStatus.Cancelled:
                bar.Description = $"[yellow]■[/] {name} [yellow]cancelled[/]";
                break;
            default:
                bar.Description = $"[red]✗[/] {name} [red]failed[/]";
                break;
        }

        bar.StopTask();
    }
}
