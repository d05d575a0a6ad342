namespace Aperture.Jobs;

/// <summary>When a job runs on its own: never, on a cron expression, or after another job succeeds.</summary>
public sealed record JobSchedule
{
    private JobSchedule(string? cron, TimeZoneInfo? timeZone, string? afterJob)
    {
        Cron = cron;
        TimeZone = timeZone;
        AfterJob = afterJob;
    }

    /// <summary>Never runs on its own.</summary>
    public static JobSchedule Manual { get; } = new(null, null, null);

    /// <summary>A five-field cron expression (minute hour day month weekday), or <see langword="null"/>.</summary>
    public string? Cron { get; }

    /// <summary>
    /// The time zone <see cref="Cron"/> is read in, or <see langword="null"/> for the scheduler's default
    /// (<c>Aperture:Jobs:TimeZone</c>, else the machine's local time zone).
    /// </summary>
    public TimeZoneInfo? TimeZone { get; }

    /// <summary>The job whose success starts this one, or <see langword="null"/>.</summary>
    public string? AfterJob { get; }

    /// <summary>Whether the job runs only by hand.</summary>
    public bool IsManual => Cron is null && AfterJob is null;

    /// <summary>Runs on <paramref name="expression"/> (five fields; validated by the scheduler).</summary>
    /// <param name="expression">The cron expression, for example <c>0 3 * * *</c> (daily at 03:00).</param>
    /// <param name="timeZone">The time zone it is read in; <see langword="null"/> for the scheduler's default.</param>
    public static JobSchedule OnCron(string expression, TimeZoneInfo? timeZone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        return new(expression.Trim(), timeZone, null);
    }

    /// <summary>Runs each time <paramref name="jobName"/> succeeds.</summary>
    public static JobSchedule After(string jobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        return new(null, null, jobName.Trim());
    }

    /// <summary>Returns <c>manual</c>, <c>cron: …</c> (with the time zone when set) or <c>after: …</c>.</summary>
    public override string ToString() =>
        Cron is not null ? TimeZone is null ? $"cron: {Cron}" : $"cron: {Cron} ({TimeZone.Id})"
        : AfterJob is not null ? $"after: {AfterJob}"
        : "manual";
}
