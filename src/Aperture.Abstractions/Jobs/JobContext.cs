using Microsoft.Extensions.Logging;

namespace Aperture.Jobs;

/// <summary>What a job run knows about itself.</summary>
public sealed class JobContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="jobName">The job's name.</param>
    /// <param name="variant">The variant (for example <c>full</c>), or <see langword="null"/> for the regular run.</param>
    /// <param name="trigger">What started the run.</param>
    /// <param name="progress">Where the job reports progress.</param>
    /// <param name="logger">The run's logger (job name and run id in scope).</param>
    /// <param name="timeProvider">The clock.</param>
    public JobContext(Guid runId, string jobName, string? variant, JobTrigger trigger, IJobProgress progress, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        RunId = runId;
        JobName = jobName;
        Variant = variant;
        Trigger = trigger;
        Progress = progress;
        Logger = logger;
        TimeProvider = timeProvider;
    }

    /// <summary>The run's id.</summary>
    public Guid RunId { get; }

    /// <summary>The job's name.</summary>
    public string JobName { get; }

    /// <summary>The variant (for example <c>full</c>), or <see langword="null"/> for the regular run.</summary>
    public string? Variant { get; }

    /// <summary>What started the run.</summary>
    public JobTrigger Trigger { get; }

    /// <summary>Where the job reports progress.</summary>
    public IJobProgress Progress { get; }

    /// <summary>The run's logger.</summary>
    public ILogger Logger { get; }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Whether the variant is <paramref name="variant"/> (case-insensitive).</summary>
    public bool IsVariant(string variant) => string.Equals(Variant, variant, StringComparison.OrdinalIgnoreCase);
}
