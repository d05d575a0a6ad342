using Microsoft.Extensions.Options;

namespace Aperture.Jobs;

/// <summary>
/// The schedule in force for every registered job: the configured one (<c>Aperture:Jobs:Schedules</c>), else the
/// job's default; always manual for a manual-only job. Built from validated options.
/// </summary>
internal sealed class JobScheduleTable
{
    private readonly Dictionary<string, ScheduledJob> _byName = new(StringComparer.OrdinalIgnoreCase);

    public JobScheduleTable(JobCatalog catalog, IOptions<SchedulerOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var settings = options.Value;
        var defaultZone = string.IsNullOrWhiteSpace(settings.TimeZone)
            ? timeProvider.LocalTimeZone
            : ScheduleParser.TryFindTimeZone(settings.TimeZone, out var zone) ? zone : throw Invalid($"time zone '{settings.TimeZone}'");

        var jobs = new List<ScheduledJob>();
        foreach (var job in catalog.Jobs)
        {
            var schedule = job.DefaultSchedule;
            if (settings.Schedules.TryGetValue(job.Name, out var configured))
            {
                schedule = ScheduleParser.TryParse(configured, out var parsed, out _) ? parsed : throw Invalid($"schedule of '{job.Name}'");
            }

            if (job.IsManualOnly)
            {
                schedule = JobSchedule.Manual;
            }
            else if (schedule.AfterJob is { } afterJob && catalog.TryFind(afterJob, out var trigger))
            {
                // The history is keyed by the exact name; a setting may spell it in another case.
                schedule = JobSchedule.After(trigger.Name);
            }

            var scheduled = new ScheduledJob(job, schedule, null);
            if (schedule.Cron is { } expression)
            {
                scheduled = ScheduleParser.TryParseCron(expression, out var cron, out _)
                    ? new ScheduledJob(job, JobSchedule.OnCron(expression, schedule.TimeZone ?? defaultZone), cron)
                    : throw Invalid($"cron expression of '{job.Name}'");
            }

            _byName.Add(job.Name, scheduled);
            jobs.Add(scheduled);
        }

        Jobs = jobs;
    }

    /// <summary>Every registered job, in registration order.</summary>
    public IReadOnlyList<ScheduledJob> Jobs { get; }

    public JobSchedule For(string jobName) => _byName.TryGetValue(jobName, out var job) ? job.Schedule : JobSchedule.Manual;

    // The validator reports these with the setting's name at start-up; reaching here means it was bypassed.
    private static InvalidOperationException Invalid(string what) =>
        new($"The {what} is not valid and the scheduler options were not validated; see the start-up validation errors.");
}
