namespace Aperture.Jobs;

/// <summary>One step of a pipeline: a job and, optionally, its variant. A job name converts to a step.</summary>
/// <param name="JobName">The job's name.</param>
/// <param name="Variant">The variant (for example <c>full</c>), or <see langword="null"/> for the regular run.</param>
public readonly record struct PipelineStep(string JobName, string? Variant = null)
{
    /// <summary>A step that runs <paramref name="jobName"/> without a variant.</summary>
    public static implicit operator PipelineStep(string jobName) => new(jobName);

    /// <summary>Returns the job name, with <c>:variant</c> when there is one.</summary>
    public override string ToString() => Variant is null ? JobName : $"{JobName}:{Variant}";
}
