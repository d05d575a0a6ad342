namespace Aperture.Recommendations;

/// <summary>
/// Ready-made settings, for comparing with <see cref="IRecommendationEvaluator"/>: the default hybrid and the
/// baselines it is measured against.
/// </summary>
public static class RecommendationPresets
{
    /// <summary>The default: every signal the server has (content, co-watching, prior, a little novelty), diversified.</summary>
    public static RecommendationOptions Hybrid() => new();

    /// <summary>
    /// Plain popularity: the movies most users of the server played, quality breaking ties (quality alone on a
    /// single-user server). No personalisation, no diversity.
    /// </summary>
    public static RecommendationOptions Popularity() => new()
    {
        ContentWeight = 0,
        CollaborativeWeight = 0,
        PriorWeight = 1,
        NoveltyWeight = 0,
        PopularityShare = 0.9,
        DiversityWeight = 0,
    };

    /// <summary>
    /// The reference system's algorithm: one weighted taste centroid (similarity 0.4), a community-rating prior (0.2),
    /// genre novelty (0.2) and diversity (0.2); no collaborative signal, no popularity.
    /// </summary>
    public static RecommendationOptions ReferenceCentroid() => new()
    {
        Profile = TasteProfileKind.Centroid,
        ContentWeight = 0.4,
        CollaborativeWeight = 0,
        PriorWeight = 0.2,
        NoveltyWeight = 0.2,
        PopularityShare = 0,
        DiversityWeight = 0.2,
    };

    /// <summary>Pure content: similarity to one weighted taste centroid, nothing else.</summary>
    public static RecommendationOptions ContentCentroid() => new()
    {
        Profile = TasteProfileKind.Centroid,
        ContentWeight = 1,
        CollaborativeWeight = 0,
        PriorWeight = 0,
        NoveltyWeight = 0,
        DiversityWeight = 0,
    };
}
