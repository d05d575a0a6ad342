using Aperture.Catalog;
using Aperture.MediaServers;

namespace Aperture.Jobs.Movies;

/// <summary>
/// Resolves the server's watch states to catalogue movies (by server item id, else TMDb id, else IMDb id, so a
/// state of another copy or of an item whose id changed still lands on the movie) and merges states that land on
/// the same movie: played or favourite if any says so, the highest play count and resume position, the latest
/// last-played time.
/// </summary>
internal sealed class SyncWatchStateResolver
{
    private readonly Dictionary<string, Guid> _byServerId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _byTmdbId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _byImdbId = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="movies">The catalogue; active movies win a provider id over removed ones.</param>
    public SyncWatchStateResolver(IEnumerable<Movie> movies)
    {
        foreach (var movie in movies.OrderBy(m => m.IsActive ? 0 : 1))
        {
            _byServerId.TryAdd(movie.ServerId, movie.Id);
            if (movie.TmdbId is { } tmdb)
            {
                _byTmdbId.TryAdd(tmdb, movie.Id);
            }

            if (movie.ImdbId is { } imdb)
            {
                _byImdbId.TryAdd(imdb, movie.Id);
            }
        }
    }

    /// <summary>Turns one user's server states into stored states; <paramref name="unmatched"/> counts those of no catalogue movie.</summary>
    public IReadOnlyList<WatchState> Resolve(string userId, IEnumerable<MediaWatchState> states, out int unmatched)
    {
        var resolved = new Dictionary<Guid, WatchState>();
        unmatched = 0;
        foreach (var state in states)
        {
            if (!TryResolve(state, out var movieId))
            {
                unmatched++;
                continue;
            }

            var mapped = new WatchState
            {
                UserId = userId,
                MovieId = movieId,
                Played = state.Played,
                PlayCount = state.PlayCount,
                LastPlayedAt = state.LastPlayedAt,
                IsFavorite = state.IsFavorite,
                ResumePosition = state.ResumePosition,
                UserRating = state.UserRating,
            };
            resolved[movieId] = resolved.TryGetValue(movieId, out var known) ? Merge(known, mapped) : mapped;
        }

        return [.. resolved.Values];
    }

    private bool TryResolve(MediaWatchState state, out Guid movieId) =>
        _byServerId.TryGetValue(state.ServerItemId, out movieId)
        || (state.TmdbId is { } tmdb && _byTmdbId.TryGetValue(tmdb, out movieId))
        || (state.ImdbId is { } imdb && _byImdbId.TryGetValue(imdb, out movieId));

    private static WatchState Merge(WatchState a, WatchState b) => a with
    {
        Played = a.Played || b.Played,
        PlayCount = Math.Max(a.PlayCount, b.PlayCount),
        LastPlayedAt = a.LastPlayedAt is null ? b.LastPlayedAt : b.LastPlayedAt is null ? a.LastPlayedAt : a.LastPlayedAt >= b.LastPlayedAt ? a.LastPlayedAt : b.LastPlayedAt,
        IsFavorite = a.IsFavorite || b.IsFavorite,
        ResumePosition = a.ResumePosition >= b.ResumePosition ? a.ResumePosition : b.ResumePosition,
        UserRating = a.UserRating ?? b.UserRating,
    };
}
