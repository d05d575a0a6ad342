namespace Aperture.Recommendations;

/// <summary>
/// Computes picks. A job opens one <see cref="IRecommendationSession"/> per run: the session loads the
/// catalogue, the active model's vectors and every user's watch states once (the collaborative signal is computed
/// once per run), then serves each user.
/// </summary>
public interface IRecommender
{
    /// <summary>Loads what a run needs from the store and prepares the shared signals.</summary>
    /// <exception cref="ApertureException">
    /// No embedding model is configured, or the store holds no vector of the active model (run
    /// <c>generate-movie-embeddings</c> first); the message says which.
    /// </exception>
    Task<IRecommendationSession> CreateSessionAsync(CancellationToken cancellationToken = default);
}
