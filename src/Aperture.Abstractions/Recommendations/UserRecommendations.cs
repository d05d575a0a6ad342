namespace Aperture.Recommendations;

/// <summary>One user's computed picks.</summary>
/// <param name="UserId">The server's user id.</param>
/// <param name="Outcome">Whether picks were computed, the user has no history yet, or it failed.</param>
/// <param name="Picks">The picks, ordered by rank; empty unless <paramref name="Outcome"/> is completed.</param>
/// <param name="CandidateCount">How many candidates were scored.</param>
/// <param name="Elapsed">The computing time spent on this user (their share of shared work included).</param>
/// <param name="Error">Why it failed; <see langword="null"/> unless <paramref name="Outcome"/> is failed.</param>
public sealed record UserRecommendations(
    string UserId,
    RecommendationOutcome Outcome,
    IReadOnlyList<MoviePick> Picks,
    int CandidateCount,
    TimeSpan Elapsed,
    string? Error = null)
{
    /// <summary>Whether the user has no usable watch history yet.</summary>
    public bool NoHistory => Outcome == RecommendationOutcome.NoHistory;
}
