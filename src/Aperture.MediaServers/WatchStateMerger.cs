namespace Aperture.MediaServers;

/// <summary>
/// Merges the states one item shows in several listings (played, favourites, resume): played and favourite if any
/// says so, the highest play count and resume position, the latest last-played time, the first known ids,
/// runtime and rating.
/// </summary>
internal sealed class WatchStateMerger
{
    private readonly Dictionary<string, MediaWatchState> _states = new(StringComparer.Ordinal);

    /// <summary>The merged states, in first-seen order.</summary>
    public IReadOnlyList<MediaWatchState> States => [.. _states.Values];

    public void Add(MediaWatchState state)
    {
        if (!_states.TryGetValue(state.ServerItemId, out var known))
        {
            _states.Add(state.ServerItemId, state);
            return;
        }

        _states[state.ServerItemId] = known with
        {
            ImdbId = known.ImdbId ?? state.ImdbId,
            TmdbId = known.TmdbId ?? state.TmdbId,
            Played = known.Played || state.Played,
            PlayCount = Math.Max(known.PlayCount, state.PlayCount),
            LastPlayedAt = Max(known.LastPlayedAt, state.LastPlayedAt),
            IsFavorite = known.IsFavorite || state.IsFavorite,
            ResumePosition = known.ResumePosition >= state.ResumePosition ? known.ResumePosition : state.ResumePosition,
            Runtime = known.Runtime ?? state.Runtime,
            UserRating = known.UserRating ?? state.UserRating,
        };
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a >= b ? a : b;
}
