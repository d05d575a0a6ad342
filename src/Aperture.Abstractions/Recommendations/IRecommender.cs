using Aperture.Catalog;

namespace Aperture.Recommendations;

/// <summary>
/// Computes picks. A job opens one <see cref="IRecommendationSession"/> per run: the session loads the
/// catalogue, vectors and every user's watch states once (the collaborative signal is computed once per run),
/// then serves each user.
/// </summary>
public interface IRecommender
{
    /// <summary>Loads what a run needs from the store and prepares the shared signals.</summary>
    Task<IRecommendationSession> CreateSessionAsync(CancellationToken cancellationToken = default);
}

/// <summary>A prepared recommendation run over one snapshot of the store.</summary>
public interface IRecommendationSession
{
    /// <summary>The embedding model key whose vectors the session uses.</summary>
    string ModelKey { get; }

    /// <summary>A JSON snapshot of the settings in force, stored with each run.</summary>
    string SettingsJson { get; }

    /// <summary>
    /// Computes one user's picks: profile, candidates, exact scoring, diversity, evidence and explanations.
    /// A user without usable history gets an empty result with <see cref="UserRecommendations.NoHistory"/> set,
    /// not an exception.
    /// </summary>
    Task<UserRecommendations> RecommendAsync(UserAccount user, CancellationToken cancellationToken = default);
}

/// <summary>One user's computed picks.</summary>
/// <param name="UserId">The server's user id.</param>
/// <param name="Picks">The picks, ordered by rank.</param>
/// <param name="CandidateCount">How many candidates were scored.</param>
/// <param name="NoHistory">Whether the user has no usable watch history yet (then <paramref name="Picks"/> is empty).</param>
public sealed record UserRecommendations(string UserId, IReadOnlyList<MoviePick> Picks, int CandidateCount, bool NoHistory);
