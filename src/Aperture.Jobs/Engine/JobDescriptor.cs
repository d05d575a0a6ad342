namespace Aperture.Jobs;

/// <summary>What the engine knows of a registered job without running it.</summary>
/// <param name="JobType">The service type resolved, in a fresh scope, for each run.</param>
/// <param name="Name">The unique name.</param>
/// <param name="Description">One sentence on what the job does.</param>
/// <param name="DefaultSchedule">The job's own schedule.</param>
/// <param name="IsManualOnly">Whether the job may only be started by hand.</param>
/// <param name="Prerequisites">Jobs that must have succeeded before this one may start.</param>
internal sealed record JobDescriptor(
    Type JobType,
    string Name,
    string Description,
    JobSchedule DefaultSchedule,
    bool IsManualOnly,
    IReadOnlyList<string> Prerequisites);
