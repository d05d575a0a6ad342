namespace Aperture.Jobs;

/// <summary>A registered job, as the engine sees it.</summary>
/// <param name="Name">The unique name (for example <c>sync-movies</c>).</param>
/// <param name="Description">One sentence on what the job does.</param>
/// <param name="Schedule">
/// The schedule in force: the one configured under <c>Aperture:Jobs:Schedules:&lt;name&gt;</c>, else the job's
/// default. It only takes effect where the scheduler runs (<c>AddScheduler</c>).
/// </param>
/// <param name="IsManualOnly">Whether the job may only be started by hand (its schedule is then always manual).</param>
/// <param name="Prerequisites">Jobs that must have succeeded at least once before this one may start.</param>
public sealed record JobInfo(
    string Name,
    string Description,
    JobSchedule Schedule,
    bool IsManualOnly,
    IReadOnlyList<string> Prerequisites);
