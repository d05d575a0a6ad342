using System.ComponentModel.DataAnnotations;

namespace Aperture.Recommendations;

/// <summary>How an offline evaluation is run.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The list length measured: HR@K and NDCG@K (1–500, default 10).</summary>
    [Range(1, 500)]
    public int K { get; init; } = 10;

    /// <summary>
    /// How many of each user's most recent plays are held out, one at a time (1–100, default 1: leave-last-out). With
    /// n, step i hides the user's i-th most recent play and everything after it, so every test uses only the past;
    /// more steps give steadier figures on servers with few users.
    /// </summary>
    [Range(1, 100)]
    public int HoldoutsPerUser { get; init; } = 1;

    /// <summary>The users to evaluate; <see langword="null"/> for every user with at least two plays.</summary>
    public IReadOnlyCollection<string>? UserIds { get; init; }
}
