using Aperture.Catalog;
using Microsoft.Data.Sqlite;

namespace Aperture.Storage.Sqlite;

internal sealed partial class SqliteApertureStore
{
    private const string WatchStateColumns =
        "user_id, movie_id, played, play_count, last_played_at, is_favorite, resume_ticks, user_rating";

    public Task<int> UpsertWatchStatesAsync(IReadOnlyList<WatchState> states, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        foreach (var state in states)
        {
            StoreGuard.ValidateWatchState(state);
        }

        return WriteAsync(transaction =>
        {
            // The WHERE clause skips equal rows, so the row count says what was added or changed.
            using var upsert = transaction.Command($"""
                INSERT INTO watch_states ({WatchStateColumns}) VALUES ($user, $movie, $played, $count, $last, $favorite, $resume, $rating)
                ON CONFLICT (user_id, movie_id) DO UPDATE SET
                    played = excluded.played, play_count = excluded.play_count, last_played_at = excluded.last_played_at,
                    is_favorite = excluded.is_favorite, resume_ticks = excluded.resume_ticks, user_rating = excluded.user_rating
                WHERE played IS NOT excluded.played OR play_count IS NOT excluded.play_count
                   OR last_played_at IS NOT excluded.last_played_at OR is_favorite IS NOT excluded.is_favorite
                   OR resume_ticks IS NOT excluded.resume_ticks OR user_rating IS NOT excluded.user_rating;
                """);
            var p = AddParameters(upsert, "$user", "$movie", "$played", "$count", "$last", "$favorite", "$resume", "$rating");
            upsert.Prepare();
            var changed = 0;
            foreach (var state in states)
            {
                cancellationToken.ThrowIfCancellationRequested();
                p[0].Value = state.UserId;
                p[1].Value = SqliteValues.ToBlob(state.MovieId);
                p[2].Value = SqliteValues.ToDb(state.Played);
                p[3].Value = state.PlayCount;
                p[4].Value = SqliteValues.ToDb(state.LastPlayedAt);
                p[5].Value = SqliteValues.ToDb(state.IsFavorite);
                p[6].Value = state.ResumePosition.Ticks;
                p[7].Value = SqliteValues.ToDb(state.UserRating);
                changed += upsert.ExecuteNonQuery();
            }

            return changed;
        }, cancellationToken);
    }

    public Task<int> DeleteWatchStatesExceptAsync(string userId, IReadOnlySet<Guid> keepMovieIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(keepMovieIds);
        return WriteAsync(transaction => transaction.Execute(
            "DELETE FROM watch_states WHERE user_id = $user AND movie_id NOT IN (SELECT unhex(value) FROM json_each($keep));",
            ("$user", userId),
            ("$keep", SqliteValues.ToHexJson(keepMovieIds))), cancellationToken);
    }

    public Task<IReadOnlyList<WatchState>> GetWatchStatesAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return ReadAsync(transaction =>
        {
            using var command = transaction.Command($"SELECT {WatchStateColumns} FROM watch_states WHERE user_id = $user ORDER BY movie_id;");
            command.With("$user", userId);
            return ReadWatchStates(command);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<WatchState>> GetAllWatchStatesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(transaction =>
        {
            using var command = transaction.Command($"SELECT {WatchStateColumns} FROM watch_states ORDER BY user_id, movie_id;");
            return ReadWatchStates(command);
        }, cancellationToken);

    private static IReadOnlyList<WatchState> ReadWatchStates(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var states = new List<WatchState>();
        while (reader.Read())
        {
            states.Add(new WatchState
            {
                UserId = reader.GetString(0),
                MovieId = reader.GetId(1),
                Played = reader.GetBoolean(2),
                PlayCount = reader.GetInt32(3),
                LastPlayedAt = reader.GetNullableInstant(4),
                IsFavorite = reader.GetBoolean(5),
                ResumePosition = TimeSpan.FromTicks(reader.GetInt64(6)),
                UserRating = reader.GetNullableDouble(7),
            });
        }

        return states;
    }
}
