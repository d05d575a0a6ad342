using Microsoft.Extensions.Options;

namespace Aperture.Jobs;

/// <summary>
/// Checks the schedules against the registered jobs at start-up: every configured name is a job, every value
/// parses, no manual-only job gets a schedule, "after" names a registered job and no chain of "after" loops.
/// Messages name the setting (<c>Aperture:Jobs:Schedules:&lt;job&gt;</c>), what is wrong and what to do.
/// </summary>
internal sealed class JobSchedulesValidator(JobCatalog catalog) : IValidateOptions<SchedulerOptions>
{
    private const string Section = "Aperture:Jobs";

    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !ScheduleParser.TryFindTimeZone(options.TimeZone, out _))
        {
            errors.Add($"{Section}:TimeZone: '{options.TimeZone}' is not a time zone this machine knows; use an IANA id such as 'Europe/Paris' or 'UTC', or leave it out for the local time zone.");
        }

        // The schedule each job will follow, and where it comes from (for messages).
        var effective = new Dictionary<string, (JobSchedule Schedule, string Source)>(StringComparer.OrdinalIgnoreCase);
        foreach (var job in catalog.Jobs)
        {
            var source = $"The default schedule of job '{job.Name}' ({job.JobType.FullName})";
            if (job.IsManualOnly && !job.DefaultSchedule.IsManual)
            {
                errors.Add($"{source} is \"{job.DefaultSchedule}\", but the job is manual only: its DefaultSchedule must be JobSchedule.Manual.");
            }
            else if (job.DefaultSchedule.Cron is { } cron && !ScheduleParser.TryParseCron(cron, out _, out var cronError))
            {
                errors.Add($"{source}: {cronError} Set {Section}:Schedules:{job.Name} to override it.");
            }

            effective[job.Name] = (job.IsManualOnly ? JobSchedule.Manual : job.DefaultSchedule, source);
        }

        foreach (var (jobName, value) in options.Schedules)
        {
            var setting = $"{Section}:Schedules:{jobName}";
            if (!catalog.TryFind(jobName, out var job))
            {
                errors.Add($"{setting}: there is no job named '{jobName}'. Known jobs: {string.Join(", ", catalog.Names)}.");
                continue;
            }

            if (!ScheduleParser.TryParse(value, out var schedule, out var error))
            {
                errors.Add($"{setting}: {error}");
                continue;
            }

            if (job.IsManualOnly && !schedule.IsManual)
            {
                errors.Add($"{setting}: job '{job.Name}' is manual only and cannot be scheduled (\"{value}\"). Remove the setting or set it to \"manual\", and start the job by hand.");
                continue;
            }

            if (schedule.AfterJob is { } afterJob && !catalog.TryFind(afterJob, out _))
            {
                errors.Add($"{setting}: \"{value}\" names no registered job. Known jobs: {string.Join(", ", catalog.Names)}.");
                continue;
            }

            effective[job.Name] = (schedule, setting);
        }

        errors.AddRange(FindLoops(effective));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Each job follows at most one other, so a loop is a walk that comes back to where it started.
    private static IEnumerable<string> FindLoops(Dictionary<string, (JobSchedule Schedule, string Source)> effective)
    {
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (start, (schedule, source)) in effective)
        {
            if (schedule.AfterJob is null || reported.Contains(start))
            {
                continue;
            }

            var path = new List<string> { start };
            var current = schedule.AfterJob;
            while (current is not null && effective.TryGetValue(current, out var next) && path.Count <= effective.Count)
            {
                if (string.Equals(current, start, StringComparison.OrdinalIgnoreCase))
                {
                    path.Add(start);
                    reported.UnionWith(path);
                    yield return path.Count == 2
                        ? $"{source}: job '{start}' cannot run after itself; give it a cron schedule or 'manual'."
                        : $"{source}: the 'after' schedules form a loop ({string.Join(" ← ", path)}), so each job would start the next forever; break the loop with a cron schedule or 'manual'.";
                    break;
                }

                path.Add(current);
                current = next.Schedule.AfterJob;
            }
        }
    }
}
