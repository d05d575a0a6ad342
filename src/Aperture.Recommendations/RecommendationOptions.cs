using System.ComponentModel.DataAnnotations;

namespace Aperture.Recommendations;

/// <summary>
/// How picks are computed (configuration section <c>Aperture:Recommendations</c>).
/// </summary>
/// <remarks>
/// <para>A candidate's relevance is a weighted blend of four signals, each scaled to [0, 1] per user:</para>
/// <list type="bullet">
/// <item><b>Content</b>: cosine similarity of the movie's vector to the user's taste profile (for a multi-interest
/// profile, to the nearest interest), min-max scaled over the user's candidates. Always available.</item>
/// <item><b>Collaborative</b>: item-to-item co-watching over every user of the server (item-kNN, cosine with
/// shrinkage), summed over the user's profile movies with their weights, scaled by the best candidate. Its weight
/// is multiplied by the user's confidence: how many other users share at least one watched film with them, over
/// <see cref="CollaborativeFullConfidenceUsers"/> (capped at 1), so it is 0 on a single-user server, times the square
/// of the share of their films others watched too, times the co-watching evidence (shared film × co-watcher pairs
/// p, as p / (p + 50)).</item>
/// <item><b>Prior</b>: quality (community and critic rating) blended with the server's own popularity (how many users
/// played the film, log-scaled) with <see cref="PopularityShare"/>, as soon as a second user has history. Its
/// popularity part weighs only as much as the user's history overlaps the other users' (squared share of shared
/// films), so on a small server of different tastes it does not pull everyone toward the others' films.</item>
/// <item><b>Novelty</b>: how far the movie's genres are from the genres the user usually watches.</item>
/// </list>
/// <para>
/// Weights are relative: they are normalised to sum to 1 after the collaborative confidence is applied. Selection
/// then trades relevance against redundancy (<see cref="DiversityWeight"/>), by embedding and by genre.
/// </para>
/// </remarks>
public sealed class RecommendationOptions : IValidatableObject
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "Aperture:Recommendations";

    /// <summary>Picks kept per user (1–500, default 20).</summary>
    [Range(1, 500)]
    public int PicksPerUser { get; set; } = 20;

    /// <summary>The most recent watched movies the taste profile is built from (1–1 000, default 50).</summary>
    [Range(1, 1_000)]
    public int RecentWatchLimit { get; set; } = 50;

    /// <summary>
    /// After this many days a watch counts half as much in the taste profile (1–3 650, default 180); the weight
    /// never drops below a quarter.
    /// </summary>
    [Range(1, 3_650)]
    public double RecencyHalfLifeDays { get; set; } = 180;

    /// <summary>How much more a favourite counts in the profile (1–10, default 1.5).</summary>
    [Range(1, 10)]
    public double FavoriteBoost { get; set; } = 1.5;

    /// <summary>The shape of the taste profile (default <see cref="TasteProfileKind.MultiInterest"/>).</summary>
    public TasteProfileKind Profile { get; set; } = TasteProfileKind.MultiInterest;

    /// <summary>The most interests (centroids) a multi-interest profile has (1–10, default 3).</summary>
    [Range(1, 10)]
    public int MaxInterests { get; set; } = 3;

    /// <summary>The weight of content similarity (0–100, default 0.45).</summary>
    [Range(0, 100)]
    public double ContentWeight { get; set; } = 0.45;

    /// <summary>The weight of the collaborative signal at full confidence (0–100, default 0.35).</summary>
    [Range(0, 100)]
    public double CollaborativeWeight { get; set; } = 0.35;

    /// <summary>The weight of the popularity and quality prior (0–100, default 0.15).</summary>
    [Range(0, 100)]
    public double PriorWeight { get; set; } = 0.15;

    /// <summary>The weight of genre novelty (0–100, default 0.05).</summary>
    [Range(0, 100)]
    public double NoveltyWeight { get; set; } = 0.05;

    /// <summary>
    /// The number of other users sharing a watched film with a user at which the collaborative signal gets its full
    /// weight (1–1 000, default 8); with fewer, its weight shrinks in proportion, down to 0.
    /// </summary>
    [Range(1, 1_000)]
    public int CollaborativeFullConfidenceUsers { get; set; } = 8;

    /// <summary>The most neighbours kept per movie in the co-watching model (10–1 000, default 100).</summary>
    [Range(10, 1_000)]
    public int CollaborativeNeighbors { get; set; } = 100;

    /// <summary>
    /// Popularity's share of the prior (0–1, default 0.6); the rest is quality. On a single-user server the prior is
    /// quality alone.
    /// </summary>
    [Range(0, 1)]
    public double PopularityShare { get; set; } = 0.6;

    /// <summary>
    /// How strongly selection avoids picks that resemble earlier picks, by embedding and genre (0–1, default 0.2;
    /// 0 ranks by relevance alone).
    /// </summary>
    [Range(0, 1)]
    public double DiversityWeight { get; set; } = 0.2;

    /// <summary>Watched movies cited as evidence per pick (0–10, default 3).</summary>
    [Range(0, 10)]
    public int EvidencePerPick { get; set; } = 3;

    /// <summary>How picks are explained (default <see cref="ExplanationMode.Template"/>).</summary>
    public ExplanationMode Explanations { get; set; } = ExplanationMode.Template;

    /// <summary>Picks explained per chat request when <see cref="Explanations"/> is <see cref="ExplanationMode.Chat"/> (1–50, default 10).</summary>
    [Range(1, 50)]
    public int ChatBatchSize { get; set; } = 10;

    /// <summary>How long one chat request may take before its picks fall back to the template (default 60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ChatTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The share of its running time past which an unfinished movie counts as watched and is not recommended (0–1,
    /// default 0.05).
    /// </summary>
    [Range(0, 1)]
    public double InProgressThreshold { get; set; } = 0.05;

    /// <summary>A user rating (0–10) at or below which a movie counts as disliked and is never recommended (default 3).</summary>
    [Range(0, 10)]
    public double DislikeRatingThreshold { get; set; } = 3;

    /// <summary>Checks what attributes cannot: the blend needs some weight.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ContentWeight + CollaborativeWeight + PriorWeight + NoveltyWeight <= 0)
        {
            yield return new ValidationResult(
                $"{SectionName}: ContentWeight, CollaborativeWeight, PriorWeight and NoveltyWeight are all 0, so no movie can be scored; give at least one a positive weight.",
                [nameof(ContentWeight), nameof(CollaborativeWeight), nameof(PriorWeight), nameof(NoveltyWeight)]);
        }
    }

    /// <summary>Returns a copy that can be changed without changing this instance.</summary>
    public RecommendationOptions Clone() => (RecommendationOptions)MemberwiseClone();
}
