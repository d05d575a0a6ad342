namespace Aperture.Jobs;

/// <summary>A snapshot of a running job's progress.</summary>
/// <param name="RunId">The run.</param>
/// <param name="JobName">The job.</param>
/// <param name="Step">The current step's name.</param>
/// <param name="StepIndex">The current step (0-based).</param>
/// <param name="StepCount">How many steps the run has (1 or more).</param>
/// <param name="ItemsDone">Items processed in the current step.</param>
/// <param name="ItemsTotal">Items the current step will process, when known.</param>
/// <param name="CurrentItem">The item being processed, when the job names it.</param>
/// <param name="Percent">Overall progress in [0, 100]; never decreases within a step.</param>
public sealed record JobProgress(
    Guid RunId,
    string JobName,
    string Step,
    int StepIndex,
    int StepCount,
    long ItemsDone,
    long? ItemsTotal,
    string? CurrentItem,
    double Percent);
