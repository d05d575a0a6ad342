namespace Aperture.Jobs;

/// <summary>
/// A background job. Jobs are DI services; the engine finds them by <see cref="Name"/> (unique), checks
/// <see cref="Prerequisites"/>, records the run and reports progress.
/// </summary>
public interface IJob
{
    /// <summary>The unique name, lower-case kebab (for example <c>sync-movies</c>).</summary>
    string Name { get; }

    /// <summary>One sentence on what the job does.</summary>
    string Description { get; }

    /// <summary>When the job runs unless options say otherwise; <see cref="JobSchedule.Manual"/> for none.</summary>
    JobSchedule DefaultSchedule { get; }

    /// <summary>Whether the job may only be started by hand; the engine refuses any schedule for it.</summary>
    bool IsManualOnly { get; }

    /// <summary>Jobs that must have succeeded at least once before this one may start.</summary>
    IReadOnlyList<string> Prerequisites { get; }

    /// <summary>
    /// Does the work. Throw to fail the run (the message is recorded and shown, so say what to do);
    /// honour <paramref name="cancellationToken"/> promptly.
    /// </summary>
    Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken);
}
