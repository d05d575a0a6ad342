namespace Aperture.Jobs;

/// <summary>When a job runs on its own: never, on a cron expression, or after another job succeeds.</summary>
public sealed record JobSchedule
{
    private JobSchedule(string? cron, string? afterJob)
    {
        Cron = cron;
        AfterJob = afterJob;
    }

    /// <summary>Never runs on its own.</summary>
    public static JobSchedule Manual { get; } = new(null, null);

    /// <summary>A five-field cron expression (minute hour day month weekday), or <see langword="null"/>.</summary>
    public string? Cron { get; }

    /// <summary>The job whose success starts this one, or <see langword="null"/>.</summary>
    public string? AfterJob { get; }

    /// <summary>Whether the job runs only by hand.</summary>
    public bool IsManual => Cron is null && AfterJob is null;

    /// <summary>Runs on <paramref name="expression"/> (five fields; validated by the scheduler).</summary>
    public static JobSchedule OnCron(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        return new(expression, null);
    }

    /// <summary>Runs each time <paramref name="jobName"/> succeeds.</summary>
    public static JobSchedule After(string jobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        return new(null, jobName);
    }

    /// <summary>Returns <c>manual</c>, <c>cron: …</c> or <c>after: …</c>.</summary>
    public override string ToString() => Cron is not null ? $"cron: {Cron}" : AfterJob is not null ? $"after: {AfterJob}" : "manual";
}
