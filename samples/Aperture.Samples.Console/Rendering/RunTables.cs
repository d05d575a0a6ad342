using System.Globalization;
using Aperture.Jobs;
using Spectre.Console;

namespace Aperture.Samples.Console.Rendering;

/// <summary>Tables of jobs and job runs.</summary>
internal static class RunTables
{
    /// <summary>The outcome of runs just finished: job, status, time, summary or error.</summary>
    public static Table Outcomes(IEnumerable<JobRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("job").NoWrap())
            .AddColumn(new TableColumn("status").NoWrap())
            .AddColumn(new TableColumn("took").NoWrap())
            .AddColumn("result");
        foreach (var run in runs)
        {
            table.AddRow(Markup.Escape(Label(run)), Status(run.Status), Duration(run.Duration), Result(run));
        }

        return table;
    }

    /// <summary>The history: when, job, trigger, status, time, summary or error.</summary>
    public static Table History(IEnumerable<JobRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("started").NoWrap())
            .AddColumn(new TableColumn("job").NoWrap())
            .AddColumn("trigger")
            .AddColumn(new TableColumn("status").NoWrap())
            .AddColumn(new TableColumn("took").NoWrap())
            .AddColumn("result");
        foreach (var run in runs)
        {
            table.AddRow(
                When(run.StartedAt),
                Markup.Escape(Label(run)),
                run.Trigger.ToString().ToLowerInvariant(),
                Status(run.Status),
                Duration(run.Duration),
                Result(run));
        }

        return table;
    }

    /// <summary>The registered jobs with their schedule in force, prerequisites and last run.</summary>
    public static Table Jobs(IEnumerable<JobInfo> jobs, IReadOnlyDictionary<string, JobRun?> lastRuns)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(lastRuns);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("job").NoWrap())
            .AddColumn("schedule")
            .AddColumn("needs")
            .AddColumn("last run")
            .AddColumn("what it does");
        foreach (var job in jobs)
        {
            var schedule = job.IsManualOnly ? "[yellow]manual only[/]" : Markup.Escape(job.Schedule.ToString());
            var needs = job.Prerequisites.Count == 0 ? "[grey]–[/]" : Markup.Escape(string.Join(", ", job.Prerequisites));
            var last = lastRuns.GetValueOrDefault(job.Name) is { } run ? $"{Status(run.Status)} {When(run.StartedAt)}" : "[grey]never[/]";
            table.AddRow(Markup.Escape(job.Name), schedule, needs, last, Markup.Escape(job.Description));
        }

        return table;
    }

    /// <summary>A status word, coloured.</summary>
    public static string Status(JobRunStatus status) => status switch
    {
        JobRunStatus.Succeeded => "[green]succeeded[/]",
        JobRunStatus.Failed => "[red]failed[/]",
        JobRunStatus.Cancelled => "[yellow]cancelled[/]",
        JobRunStatus.Skipped => "[yellow]skipped[/]",
        JobRunStatus.Running => "[blue]running[/]",
        _ => "[grey]queued[/]",
    };

    /// <summary>A duration for people: 340 ms, 12.4 s, 3 min 05 s.</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "[grey]–[/]",
        { TotalSeconds: < 1 } short1 => string.Create(CultureInfo.InvariantCulture, $"{short1.TotalMilliseconds:0} ms"),
        { TotalMinutes: < 1 } seconds => string.Create(CultureInfo.InvariantCulture, $"{seconds.TotalSeconds:0.0} s"),
        TimeSpan longer => string.Create(CultureInfo.InvariantCulture, $"{(int)longer.TotalMinutes} min {longer.Seconds:00} s"),
    };

    private static string Label(JobRun run) => run.Variant is null ? run.JobName : $"{run.JobName} ({run.Variant})";

    private static string When(DateTimeOffset at) =>
        at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Result(JobRun run) => run.Status switch
    {
        JobRunStatus.Failed or JobRunStatus.Cancelled when run.Error is not null => $"[red]{Markup.Escape(run.Error)}[/]",
        _ => Markup.Escape(run.Summary ?? string.Empty),
    };
}
