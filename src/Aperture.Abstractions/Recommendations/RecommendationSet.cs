namespace Aperture.Recommendations;

/// <summary>A completed run and its picks, as stored.</summary>
/// <param name="Run">The run.</param>
/// <param name="Picks">The picks, ordered by rank.</param>
public sealed record RecommendationSet(RecommendationRun Run, IReadOnlyList<MoviePick> Picks);
