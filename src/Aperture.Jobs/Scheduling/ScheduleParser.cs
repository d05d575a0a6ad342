using Cronos;

namespace Aperture.Jobs;

/// <summary>
/// Reads a schedule setting: <c>manual</c> / <c>disabled</c> / empty, <c>after:&lt;job&gt;</c>, or a five-field cron
/// expression optionally preceded by <c>TZ=&lt;zone&gt;</c> (or <c>CRON_TZ=&lt;zone&gt;</c>, as in crontab and Kubernetes).
/// </summary>
internal static class ScheduleParser
{
    private const string AfterPrefix = "after:";
    private static readonly string[] ManualValues = ["manual", "disabled"];
    private static readonly string[] TimeZonePrefixes = ["TZ=", "CRON_TZ="];

    public static bool TryParse(string? text, out JobSchedule schedule, out string? error)
    {
        schedule = JobSchedule.Manual;
        error = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0 || ManualValues.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.StartsWith(AfterPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var jobName = value[AfterPrefix.Length..].Trim();
            if (jobName.Length == 0)
            {
                error = "'after:' needs a job name, for example 'after:generate-movie-recommendations'.";
                return false;
            }

            schedule = JobSchedule.After(jobName);
            return true;
        }

        TimeZoneInfo? timeZone = null;
        if (TimeZonePrefixes.FirstOrDefault(prefix => value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) is { } zonePrefix)
        {
            var end = value.IndexOfAny([' ', '\t']);
            var zoneId = end < 0 ? value[zonePrefix.Length..] : value[zonePrefix.Length..end];
            if (!TryFindTimeZone(zoneId, out timeZone))
            {
                error = $"'{zoneId}' in \"{value}\" is not a time zone this machine knows; use an IANA id such as 'Europe/Paris' or 'UTC'.";
                return false;
            }

            value = end < 0 ? string.Empty : value[end..].Trim();
        }

        if (!TryParseCron(value, out _, out error))
        {
            return false;
        }

        schedule = JobSchedule.OnCron(value, timeZone);
        return true;
    }

    public static bool TryParseCron(string expression, out CronExpression cron, out string? error)
    {
        try
        {
            cron = CronExpression.Parse(expression, CronFormat.Standard);
            error = null;
            return true;
        }
        catch (CronFormatException exception)
        {
            cron = null!;
            error = $"\"{expression}\" is not a valid cron expression ({exception.Message.TrimEnd('.')}); use five fields, "
                + "minute hour day-of-month month day-of-week, for example \"0 3 * * *\" for daily at 03:00, "
                + "or 'after:<job>', or 'manual'.";
            return false;
        }
    }

    public static bool TryFindTimeZone(string id, out TimeZoneInfo timeZone)
    {
        try
        {
            timeZone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            timeZone = null!;
            return false;
        }
    }
}
