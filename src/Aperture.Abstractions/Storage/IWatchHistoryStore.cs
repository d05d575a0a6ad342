using Aperture.Catalog;

namespace Aperture.Storage;

/// <summary>Users' watch states.</summary>
public interface IWatchHistoryStore
{
    /// <summary>Adds or replaces watch states (keyed by user and movie) in one transaction.</summary>
    /// <returns>How many rows were added or changed (a state equal to the stored one is not counted).</returns>
    Task<int> UpsertWatchStatesAsync(IReadOnlyList<WatchState> states, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the user's watch states whose movie is not in <paramref name="keepMovieIds"/> (a full sync's
    /// cleanup: un-played, un-favourited and removed items). Other users' states are untouched.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    Task<int> DeleteWatchStatesExceptAsync(string userId, IReadOnlySet<Guid> keepMovieIds, CancellationToken cancellationToken = default);

    /// <summary>Reads one user's watch states, ordered by movie id.</summary>
    Task<IReadOnlyList<WatchState>> GetWatchStatesAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Reads every user's watch states (for collaborative signals and evaluation), ordered by user id, then movie id.</summary>
    Task<IReadOnlyList<WatchState>> GetAllWatchStatesAsync(CancellationToken cancellationToken = default);
}
