namespace Aperture.Jobs;

/// <summary>One run of a job, as recorded in the history (one row per run).</summary>
public sealed record JobRun
{
    /// <summary>The run's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The job's name.</summary>
    public required string JobName { get; init; }

    /// <summary>The variant (for example <c>full</c>), or <see langword="null"/>.</summary>
    public string? Variant { get; init; }

    /// <summary>What started the run.</summary>
    public required JobTrigger Trigger { get; init; }

    /// <summary>Where the run stands.</summary>
    public required JobRunStatus Status { get; init; }

    /// <summary>When the run started, or was skipped (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended (UTC); <see langword="null"/> while running.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Items processed.</summary>
    public long ItemsProcessed { get; init; }

    /// <summary>Items there were to process, when known.</summary>
    public long? ItemsTotal { get; init; }

    /// <summary>The result's summary line, or why the run was skipped.</summary>
    public string? Summary { get; init; }

    /// <summary>The result's named counts.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();

    /// <summary>Why the run failed or was cancelled; <see langword="null"/> otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>How long the run took; <see langword="null"/> while running.</summary>
    public TimeSpan? Duration => EndedAt - StartedAt;
}
