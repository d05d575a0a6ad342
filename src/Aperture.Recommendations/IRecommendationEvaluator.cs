namespace Aperture.Recommendations;

/// <summary>
/// Offline evaluation on the store's own watch history: hides each user's most recent plays, recommends from what
/// came before, and measures how often and how high the hidden movie comes back. The administrator's tool for
/// choosing settings: any <see cref="RecommendationOptions"/> can be measured, and several compared on one load.
/// </summary>
public interface IRecommendationEvaluator
{
    /// <summary>Measures one set of settings.</summary>
    /// <exception cref="ArgumentException"><paramref name="settings"/> are not valid; the message says which setting and why.</exception>
    /// <exception cref="RecommendationException">The store holds no usable vector of the active model.</exception>
    Task<EvaluationResult> EvaluateAsync(RecommendationOptions settings, EvaluationOptions? evaluation = null, CancellationToken cancellationToken = default);

    /// <summary>Measures several named settings on the same held-out histories; results in the order given.</summary>
    /// <exception cref="ArgumentException">Some settings are not valid, or two share a name.</exception>
    /// <exception cref="RecommendationException">The store holds no usable vector of the active model.</exception>
    Task<IReadOnlyList<EvaluationResult>> CompareAsync(IReadOnlyList<RecommenderVariant> variants, EvaluationOptions? evaluation = null, CancellationToken cancellationToken = default);
}
