namespace Aperture.Jobs;

/// <summary>What started a job run.</summary>
public enum JobTrigger
{
    /// <summary>Started by a person or an application call.</summary>
    Manual,

    /// <summary>Started by the scheduler (a cron occurrence, a catch-up, or an "after job" trigger).</summary>
    Schedule,

    /// <summary>Started as a step of a pipeline.</summary>
    Pipeline,
}
