namespace Aperture.Recommendations;

/// <summary>One recommended movie for one user.</summary>
/// <param name="Rank">The position, 1 = best.</param>
/// <param name="MovieId">Aperture's id of the movie.</param>
/// <param name="Score">The final selection score (higher is better; comparable within one run only).</param>
/// <param name="Breakdown">The parts the score was blended from.</param>
/// <param name="Evidence">The watched movies that most support the pick, best first (at most 3 by default).</param>
/// <param name="Explanation">A sentence or two saying why, or <see langword="null"/> when explanations are off.</param>
public sealed record MoviePick(
    int Rank,
    Guid MovieId,
    double Score,
    ScoreBreakdown Breakdown,
    IReadOnlyList<PickEvidence> Evidence,
    string? Explanation);

/// <summary>The weighted parts of a pick's score; each part is in [0, 1] before weighting.</summary>
/// <param name="Content">Similarity of the movie to the user's taste profile.</param>
/// <param name="Collaborative">Support from what other users of the server watched with the user's movies.</param>
/// <param name="Prior">Popularity and quality prior.</param>
/// <param name="Novelty">How much the movie widens the user's usual genres.</param>
/// <param name="Diversity">
/// How much the pick resembled the picks ranked above it (by embedding and genre), the redundancy the selection
/// penalised; 0 = none.
/// </param>
public sealed record ScoreBreakdown(double Content, double Collaborative, double Prior, double Novelty, double Diversity);

/// <summary>A watched movie that supports a pick.</summary>
/// <param name="MovieId">Aperture's id of the watched movie.</param>
/// <param name="Title">Its display title, for explanations.</param>
/// <param name="Similarity">Cosine similarity between the watched movie and the pick, in [-1, 1].</param>
public sealed record PickEvidence(Guid MovieId, string Title, double Similarity);
