using Aperture.Catalog;

namespace Aperture.Recommendations;

/// <summary>A selected pick before it is explained.</summary>
/// <param name="Movie">The picked movie.</param>
/// <param name="Evidence">The watched movies that most support it.</param>
/// <param name="EvidenceMovies">The same watched movies, in full.</param>
/// <param name="Breakdown">The score's parts.</param>
/// <param name="CollaborativeShare">The share of the pick's relevance that came from co-watching, in [0, 1].</param>
internal sealed record PickDraft(
    Movie Movie,
    IReadOnlyList<PickEvidence> Evidence,
    IReadOnlyList<Movie> EvidenceMovies,
    ScoreBreakdown Breakdown,
    double CollaborativeShare);

/// <summary>What an explainer gets for one user.</summary>
/// <param name="User">The user.</param>
/// <param name="TopGenres">The user's most watched genres, most first.</param>
/// <param name="Picks">The picks, in rank order.</param>
internal sealed record ExplanationRequest(UserAccount User, IReadOnlyList<string> TopGenres, IReadOnlyList<PickDraft> Picks);
