using Microsoft.Data.Sqlite;

namespace Aperture.Storage.Sqlite;

/// <summary>
/// The schema as an ordered list of migrations. The file's <c>PRAGMA user_version</c> says how many have run;
/// <c>PRAGMA application_id</c> marks the file as an Aperture store. A new file runs them all, an older one the
/// rest; each runs in the transaction that also moves the version on.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>"APRT": marks a SQLite file as an Aperture store.</summary>
    public const int ApplicationId = 0x41505254;

    /// <summary>The migrations, version 1 first; their count is the current version.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "catalogue, users, watch history, sync state, vectors, recommendations, job runs", Version1),
        new(2, "title and year match key on movies", Version2),
    ];

    public static int CurrentVersion => Migrations.Count;

    private static void Version1(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE movies (
            id BLOB NOT NULL UNIQUE,
            server_id TEXT NOT NULL UNIQUE,
            library_id TEXT,
            title TEXT NOT NULL,
            original_title TEXT,
            sort_title TEXT,
            year INTEGER,
            premiere_date INTEGER,
            genres TEXT,
            overview TEXT,
            tagline TEXT,
            community_rating REAL,
            critic_rating REAL,
            official_rating TEXT,
            runtime_minutes INTEGER,
            path TEXT,
            container TEXT,
            video TEXT,
            audio TEXT,
            studios TEXT,
            directors TEXT,
            writers TEXT,
            actors TEXT,
            imdb_id TEXT,
            tmdb_id TEXT,
            tags TEXT,
            production_countries TEXT,
            poster_url TEXT,
            backdrop_url TEXT,
            date_added INTEGER,
            removed_at INTEGER
        );
        CREATE INDEX movies_tmdb_id ON movies (tmdb_id) WHERE tmdb_id IS NOT NULL;
        CREATE INDEX movies_imdb_id ON movies (imdb_id) WHERE imdb_id IS NOT NULL;
        CREATE INDEX movies_active_library ON movies (library_id) WHERE removed_at IS NULL;

        CREATE TABLE libraries (
            position INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            collection_type TEXT,
            locations TEXT
        );

        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            is_disabled INTEGER NOT NULL,
            is_administrator INTEGER NOT NULL,
            max_parental_rating INTEGER,
            has_access_to_all_libraries INTEGER NOT NULL,
            library_ids TEXT,
            is_enabled INTEGER NOT NULL,
            excluded_library_ids TEXT
        ) WITHOUT ROWID;

        CREATE TABLE watch_states (
            user_id TEXT NOT NULL,
            movie_id BLOB NOT NULL,
            played INTEGER NOT NULL,
            play_count INTEGER NOT NULL,
            last_played_at INTEGER,
            is_favorite INTEGER NOT NULL,
            resume_ticks INTEGER NOT NULL,
            user_rating REAL,
            PRIMARY KEY (user_id, movie_id)
        ) WITHOUT ROWID;

        CREATE TABLE sync_state (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE embedding_models (
            key TEXT PRIMARY KEY,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            dimensions INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE vectors (
            model_key TEXT NOT NULL,
            movie_id BLOB NOT NULL,
            dimensions INTEGER NOT NULL,
            text_hash TEXT NOT NULL,
            vector BLOB NOT NULL,
            UNIQUE (model_key, movie_id)
        );

        CREATE TABLE recommendation_runs (
            id BLOB NOT NULL UNIQUE,
            user_id TEXT NOT NULL,
            model_key TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            completed_at INTEGER,
            status TEXT NOT NULL,
            candidate_count INTEGER NOT NULL,
            settings_json TEXT NOT NULL,
            error TEXT,
            is_current INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX recommendation_runs_current ON recommendation_runs (user_id) WHERE is_current = 1;

        CREATE TABLE picks (
            run_id BLOB NOT NULL,
            position INTEGER NOT NULL,
            rank INTEGER NOT NULL,
            movie_id BLOB NOT NULL,
            score REAL NOT NULL,
            content REAL NOT NULL,
            collaborative REAL NOT NULL,
            prior REAL NOT NULL,
            novelty REAL NOT NULL,
            diversity REAL NOT NULL,
            evidence TEXT,
            explanation TEXT,
            PRIMARY KEY (run_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE job_runs (
            id BLOB NOT NULL UNIQUE,
            job_name TEXT NOT NULL,
            variant TEXT,
            trigger TEXT NOT NULL,
            status TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            items_processed INTEGER NOT NULL,
            items_total INTEGER,
            summary TEXT,
            counts TEXT,
            error TEXT
        );
        CREATE INDEX job_runs_job_started ON job_runs (job_name, started_at);
        CREATE INDEX job_runs_started ON job_runs (started_at);
        """);

    /// <summary>Adds the case-insensitive title and year key, computed for the movies already stored.</summary>
    private static void Version2(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, "ALTER TABLE movies ADD COLUMN title_key TEXT;");
        var keys = new List<(long RowId, string Key)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT rowid, title, year FROM movies WHERE year IS NOT NULL;";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                keys.Add((reader.GetInt64(0), MovieMatcher.TitleKey(reader.GetString(1), reader.GetInt32(2))!));
            }
        }

        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE movies SET title_key = $key WHERE rowid = $rowid;";
            var key = update.Parameters.Add("$key", SqliteType.Text);
            var rowId = update.Parameters.Add("$rowid", SqliteType.Integer);
            foreach (var (id, value) in keys)
            {
                rowId.Value = id;
                key.Value = value;
                update.ExecuteNonQuery();
            }
        }

        Execute(connection, transaction, "CREATE INDEX movies_title_key ON movies (title_key) WHERE title_key IS NOT NULL;");
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>One step of the schema.</summary>
/// <param name="Version">The version the file has after this step.</param>
/// <param name="Description">What the step adds, for the log.</param>
/// <param name="Apply">Runs the step inside the caller's transaction.</param>
internal sealed record SchemaMigration(int Version, string Description, Action<SqliteConnection, SqliteTransaction> Apply);
