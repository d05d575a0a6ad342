namespace Aperture.Recommendations;

/// <summary>One computation of one user's picks.</summary>
public sealed record RecommendationRun
{
    /// <summary>The run's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The server's user id.</summary>
    public required string UserId { get; init; }

    /// <summary>The embedding model key (<c>provider:model</c>) whose vectors were used.</summary>
    public required string ModelKey { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended (UTC); <see langword="null"/> while it runs.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Where the run stands.</summary>
    public RecommendationRunStatus Status { get; init; } = RecommendationRunStatus.Running;

    /// <summary>How many candidate movies were scored.</summary>
    public int CandidateCount { get; init; }

    /// <summary>A snapshot of the settings the run used (JSON), so a pick can be explained later.</summary>
    public string SettingsJson { get; init; } = "{}";

    /// <summary>Why the run failed; <see langword="null"/> unless <see cref="Status"/> is failed.</summary>
    public string? Error { get; init; }

    /// <summary>How long the run took; <see langword="null"/> while it runs.</summary>
    public TimeSpan? Duration => CompletedAt - StartedAt;
}

/// <summary>Where a recommendation run stands.</summary>
public enum RecommendationRunStatus
{
    /// <summary>Started, not finished.</summary>
    Running,

    /// <summary>Finished; its picks are the user's current picks until a newer run completes.</summary>
    Completed,

    /// <summary>Failed; the user's previous picks stay current.</summary>
    Failed,
}
