using Cronos;

namespace Aperture.Jobs;

/// <summary>A job with the schedule in force and, for a cron schedule, its parsed expression and time zone.</summary>
/// <param name="Job">The job.</param>
/// <param name="Schedule">The schedule in force; a cron schedule always carries its time zone.</param>
/// <param name="Cron">The parsed expression of a cron schedule, else <see langword="null"/>.</param>
internal sealed record ScheduledJob(JobDescriptor Job, JobSchedule Schedule, CronExpression? Cron)
{
    public string Name => Job.Name;

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or <see langword="null"/> for none (or not a cron schedule).</summary>
    public DateTimeOffset? NextOccurrence(DateTimeOffset after) => Cron?.GetNextOccurrence(after, Schedule.TimeZone!);
}
