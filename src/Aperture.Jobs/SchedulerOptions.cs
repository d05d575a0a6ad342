using System.ComponentModel.DataAnnotations;

namespace Aperture.Jobs;

/// <summary>
/// Settings of the scheduler and its hosted service (configuration section <c>Aperture:Jobs</c>, shared with
/// <see cref="JobEngineOptions"/>). They are validated at start-up against the registered jobs.
/// </summary>
public sealed class SchedulerOptions
{
    /// <summary>
    /// Schedules that replace jobs' default schedules, by job name (<c>Aperture:Jobs:Schedules:&lt;job&gt;</c>).
    /// A value is one of:
    /// <list type="bullet">
    /// <item>a five-field cron expression (minute hour day month weekday), for example <c>0 3 * * *</c> for daily at
    /// 03:00, read in <see cref="TimeZone"/>; Cronos macros such as <c>@daily</c> or <c>@weekly</c> work too;</item>
    /// <item>the same preceded by a time zone: <c>TZ=Europe/Paris 0 3 * * *</c> (<c>CRON_TZ=</c> works too);</item>
    /// <item><c>after:&lt;job&gt;</c>: each time that job succeeds (runs started by a pipeline excepted: the pipeline
    /// decides what runs next);</item>
    /// <item><c>manual</c> or <c>disabled</c>: never on its own.</item>
    /// </list>
    /// Any schedule other than manual for a manual-only job is rejected at start-up.
    /// </summary>
    public IDictionary<string, string> Schedules { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The time zone cron expressions are read in unless they name their own: an IANA id such as
    /// <c>Europe/Paris</c> (Windows ids work too). Default: the machine's local time zone.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Whether an occurrence missed while the host was down or the machine asleep runs once when the scheduler
    /// starts (default <see langword="true"/>). Several missed occurrences of one job make one run.
    /// </summary>
    public bool CatchUpMissedRuns { get; set; } = true;

    /// <summary>
    /// When the host stops, how long running jobs may go on before they are cancelled, 0 to 1 hour (default
    /// 10 seconds). Keep it below the host's shutdown timeout (30 seconds by default) so that the cancelled runs
    /// are still recorded.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);
}
