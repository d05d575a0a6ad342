using Aperture.Catalog;

namespace Aperture.Recommendations;

/// <summary>
/// A prepared recommendation run over one snapshot of the store. Safe to use from one caller at a time.
/// </summary>
public interface IRecommendationSession
{
    /// <summary>The embedding model key (<c>provider:model</c>) whose vectors the session uses.</summary>
    string ModelKey { get; }

    /// <summary>A JSON snapshot of the settings in force, stored with each run.</summary>
    string SettingsJson { get; }

    /// <summary>How many movies have a vector of the active model (the most candidates a user can have).</summary>
    int MovieCount { get; }

    /// <summary>
    /// Computes one user's picks: profile, candidates, exact scoring, diversity, evidence and explanations.
    /// A user without usable history gets <see cref="RecommendationOutcome.NoHistory"/>; a failure is reported as
    /// <see cref="RecommendationOutcome.Failed"/>, not thrown.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<UserRecommendations> RecommendAsync(UserAccount user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Computes many users' picks, scoring them together so the vectors are read once per group of users rather than
    /// once per user. Yields one result per user, in input order, as soon as it is ready; one user's failure is
    /// reported in that user's result and does not stop the others.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<UserRecommendations> RecommendAsync(IReadOnlyList<UserAccount> users, CancellationToken cancellationToken = default);
}
