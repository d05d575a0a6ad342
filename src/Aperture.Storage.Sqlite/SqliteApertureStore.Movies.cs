using Aperture.Catalog;
using Microsoft.Data.Sqlite;

namespace Aperture.Storage.Sqlite;

internal sealed partial class SqliteApertureStore
{
    private const string MovieColumns = """
        id, server_id, library_id, title, original_title, sort_title, year, premiere_date, genres, overview, tagline,
        community_rating, critic_rating, official_rating, runtime_minutes, path, container, video, audio, studios,
        directors, writers, actors, imdb_id, tmdb_id, tags, production_countries, poster_url, backdrop_url,
        date_added, removed_at, title_key
        """;

    private const int MovieColumnCount = 32;

    private static readonly string InsertMovieSql =
        $"INSERT INTO movies ({MovieColumns}) VALUES ({string.Join(", ", Enumerable.Range(0, MovieColumnCount).Select(i => $"$p{i}"))});";

    private static readonly string UpdateMovieSql =
        $"UPDATE movies SET {string.Join(", ", MovieColumns.Split(',').Skip(1).Select((column, i) => $"{column.Trim()} = $p{i + 1}"))} WHERE id = $p0;";

    /// <summary>Every stored movie that shares a server id, TMDb id, IMDb id or title key with a batch.</summary>
    private const string SelectCandidatesSql = $"""
        SELECT {MovieColumns} FROM movies WHERE rowid IN (
            SELECT rowid FROM movies WHERE server_id IN (SELECT value FROM json_each($server_ids))
            UNION SELECT rowid FROM movies WHERE tmdb_id IN (SELECT value FROM json_each($tmdb_ids))
            UNION SELECT rowid FROM movies WHERE imdb_id IN (SELECT value FROM json_each($imdb_ids))
            UNION SELECT rowid FROM movies WHERE title_key IN (SELECT value FROM json_each($title_keys)));
        """;

    public Task<MovieUpsertResult> UpsertMoviesAsync(IReadOnlyList<Movie> movies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(movies);
        foreach (var movie in movies)
        {
            StoreGuard.ValidateMovie(movie);
        }

        return WriteAsync(transaction =>
        {
            // One query for every stored movie the batch could match, then the shared rules decide in memory.
            var matcher = new MovieMatcher();
            using (var select = transaction.Command(SelectCandidatesSql))
            {
                select.With("$server_ids", SqliteValues.ToJson(movies.Select(static m => m.ServerId)))
                    .With("$tmdb_ids", SqliteValues.ToJson(movies.Select(static m => m.TmdbId).OfType<string>()))
                    .With("$imdb_ids", SqliteValues.ToJson(movies.Select(static m => m.ImdbId).OfType<string>()))
                    .With("$title_keys", SqliteValues.ToJson(movies.Select(static m => MovieMatcher.TitleKey(m.Title, m.Year)).OfType<string>()));
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    matcher.Set(ReadMovie(reader));
                }
            }

            var batch = matcher.Apply(movies, () => Guid.CreateVersion7(_timeProvider.GetUtcNow()));
            WriteMovies(transaction, InsertMovieSql, batch.Added, cancellationToken);
            WriteMovies(transaction, UpdateMovieSql, batch.Updated, cancellationToken);
            SqliteStoreLog.MoviesUpserted(_logger, movies.Count, batch.Result.Added, batch.Result.Updated, batch.Result.Unchanged);
            return batch.Result;
        }, cancellationToken);
    }

    public Task<int> MarkMissingMoviesRemovedAsync(string libraryId, IReadOnlySet<string> seenServerIds, DateTimeOffset removedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(libraryId);
        ArgumentNullException.ThrowIfNull(seenServerIds);
        return WriteAsync(transaction => transaction.Execute(
            """
            UPDATE movies SET removed_at = $removed_at
            WHERE library_id = $library_id AND removed_at IS NULL
              AND server_id NOT IN (SELECT value FROM json_each($seen));
            """,
            ("$removed_at", SqliteValues.ToDb(removedAt)),
            ("$library_id", libraryId),
            ("$seen", SqliteValues.ToJson(seenServerIds))), cancellationToken);
    }

    public Task<IReadOnlyList<Movie>> GetMoviesAsync(bool includeRemoved = false, CancellationToken cancellationToken = default) =>
        ReadAsync(transaction =>
        {
            using var command = transaction.Command(includeRemoved
                ? $"SELECT {MovieColumns} FROM movies ORDER BY id;"
                : $"SELECT {MovieColumns} FROM movies WHERE removed_at IS NULL ORDER BY id;");
            return ReadMovies(command);
        }, cancellationToken);

    public Task<IReadOnlyList<Movie>> GetMoviesByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ReadAsync(transaction =>
        {
            using var command = transaction.Command(
                $"SELECT {MovieColumns} FROM movies WHERE id IN (SELECT unhex(value) FROM json_each($ids)) ORDER BY id;");
            command.With("$ids", SqliteValues.ToHexJson(ids));
            return ReadMovies(command);
        }, cancellationToken);
    }

    public Task SaveLibrariesAsync(IReadOnlyList<MediaLibrary> libraries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(libraries);
        return WriteAsync(transaction =>
        {
            transaction.Execute("DELETE FROM libraries;");
            using var insert = transaction.Command(
                "INSERT INTO libraries (position, id, name, collection_type, locations) VALUES ($position, $id, $name, $type, $locations);");
            var parameters = AddParameters(insert, "$position", "$id", "$name", "$type", "$locations");
            for (var i = 0; i < libraries.Count; i++)
            {
                var library = libraries[i];
                ArgumentNullException.ThrowIfNull(library, nameof(libraries));
                parameters[0].Value = i;
                parameters[1].Value = library.Id;
                parameters[2].Value = library.Name;
                parameters[3].Value = SqliteValues.ToDb(library.CollectionType);
                parameters[4].Value = SqliteValues.ToJsonDb(library.Locations, StoreJsonContext.Default.StringArray);
                insert.ExecuteNonQuery();
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<MediaLibrary>> GetLibrariesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<MediaLibrary>>(transaction =>
        {
            using var command = transaction.Command("SELECT id, name, collection_type, locations FROM libraries ORDER BY position;");
            using var reader = command.ExecuteReader();
            var libraries = new List<MediaLibrary>();
            while (reader.Read())
            {
                libraries.Add(new MediaLibrary(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetNullableString(2),
                    reader.GetJsonList(3, StoreJsonContext.Default.StringArray)));
            }

            return libraries;
        }, cancellationToken);

    private static void WriteMovies(SqliteTransaction transaction, string sql, IReadOnlyList<Movie> movies, CancellationToken cancellationToken)
    {
        if (movies.Count == 0)
        {
            return;
        }

        // One prepared statement for the whole batch; only the values change per row.
        using var command = transaction.Command(sql);
        var parameters = AddParameters(command, [.. Enumerable.Range(0, MovieColumnCount).Select(static i => $"$p{i}")]);
        command.Prepare();
        foreach (var movie in movies)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BindMovie(parameters, movie);
            command.ExecuteNonQuery();
        }
    }

    private static SqliteParameter[] AddParameters(SqliteCommand command, params string[] names) =>
        [.. names.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name }))];

    private static void BindMovie(SqliteParameter[] p, Movie movie)
    {
        var json = StoreJsonContext.Default;
        p[0].Value = SqliteValues.ToBlob(movie.Id);
        p[1].Value = movie.ServerId;
        p[2].Value = SqliteValues.ToDb(movie.LibraryId);
        p[3].Value = movie.Title;
        p[4].Value = SqliteValues.ToDb(movie.OriginalTitle);
        p[5].Value = SqliteValues.ToDb(movie.SortTitle);
        p[6].Value = SqliteValues.ToDb(movie.Year);
        p[7].Value = SqliteValues.ToDb(movie.PremiereDate?.DayNumber);
        p[8].Value = SqliteValues.ToJsonDb(movie.Genres, json.StringArray);
        p[9].Value = SqliteValues.ToDb(movie.Overview);
        p[10].Value = SqliteValues.ToDb(movie.Tagline);
        p[11].Value = SqliteValues.ToDb(movie.CommunityRating);
        p[12].Value = SqliteValues.ToDb(movie.CriticRating);
        p[13].Value = SqliteValues.ToDb(movie.OfficialRating);
        p[14].Value = SqliteValues.ToDb(movie.RuntimeMinutes);
        p[15].Value = SqliteValues.ToDb(movie.Path);
        p[16].Value = SqliteValues.ToDb(movie.Container);
        p[17].Value = SqliteValues.ToJsonDb(movie.Video, json.VideoStreamInfo);
        p[18].Value = SqliteValues.ToJsonDb(movie.Audio, json.AudioStreamInfo);
        p[19].Value = SqliteValues.ToJsonDb(movie.Studios, json.StringArray);
        p[20].Value = SqliteValues.ToJsonDb(movie.Directors, json.StringArray);
        p[21].Value = SqliteValues.ToJsonDb(movie.Writers, json.StringArray);
        p[22].Value = SqliteValues.ToJsonDb(movie.Actors, json.CastMemberArray);
        p[23].Value = SqliteValues.ToDb(movie.ImdbId);
        p[24].Value = SqliteValues.ToDb(movie.TmdbId);
        p[25].Value = SqliteValues.ToJsonDb(movie.Tags, json.StringArray);
        p[26].Value = SqliteValues.ToJsonDb(movie.ProductionCountries, json.StringArray);
        p[27].Value = SqliteValues.ToDb(movie.PosterUrl?.OriginalString);
        p[28].Value = SqliteValues.ToDb(movie.BackdropUrl?.OriginalString);
        p[29].Value = SqliteValues.ToDb(movie.DateAdded);
        p[30].Value = SqliteValues.ToDb(movie.RemovedAt);
        p[31].Value = SqliteValues.ToDb(MovieMatcher.TitleKey(movie.Title, movie.Year));
    }

    private static IReadOnlyList<Movie> ReadMovies(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var movies = new List<Movie>();
        while (reader.Read())
        {
            movies.Add(ReadMovie(reader));
        }

        return movies;
    }

    private static Movie ReadMovie(SqliteDataReader r)
    {
        var json = StoreJsonContext.Default;
        return new Movie
        {
            Id = r.GetId(0),
            ServerId = r.GetString(1),
            LibraryId = r.GetNullableString(2),
            Title = r.GetString(3),
            OriginalTitle = r.GetNullableString(4),
            SortTitle = r.GetNullableString(5),
            Year = r.GetNullableInt32(6),
            PremiereDate = r.GetNullableInt32(7) is { } day ? DateOnly.FromDayNumber(day) : null,
            Genres = r.GetJsonList(8, json.StringArray),
            Overview = r.GetNullableString(9),
            Tagline = r.GetNullableString(10),
            CommunityRating = r.GetNullableDouble(11),
            CriticRating = r.GetNullableDouble(12),
            OfficialRating = r.GetNullableString(13),
            RuntimeMinutes = r.GetNullableInt32(14),
            Path = r.GetNullableString(15),
            Container = r.GetNullableString(16),
            Video = r.GetJson(17, json.VideoStreamInfo),
            Audio = r.GetJson(18, json.AudioStreamInfo),
            Studios = r.GetJsonList(19, json.StringArray),
            Directors = r.GetJsonList(20, json.StringArray),
            Writers = r.GetJsonList(21, json.StringArray),
            Actors = r.GetJsonList(22, json.CastMemberArray),
            ImdbId = r.GetNullableString(23),
            TmdbId = r.GetNullableString(24),
            Tags = r.GetJsonList(25, json.StringArray),
            ProductionCountries = r.GetJsonList(26, json.StringArray),
            PosterUrl = r.GetNullableString(27) is { } poster ? new Uri(poster, UriKind.RelativeOrAbsolute) : null,
            BackdropUrl = r.GetNullableString(28) is { } backdrop ? new Uri(backdrop, UriKind.RelativeOrAbsolute) : null,
            DateAdded = r.GetNullableInstant(29),
            RemovedAt = r.GetNullableInstant(30),
        };
    }
}
