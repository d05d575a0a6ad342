-- A store file as schema version 1 left it (frozen: never edit). The migration test upgrades a copy of it.
PRAGMA application_id = 1095782996;
PRAGMA user_version = 1;

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

INSERT INTO movies (id, server_id, library_id, title, year, genres, actors, tmdb_id, date_added)
VALUES (X'0195A1B2C3D47000800000000000AAAA', 'f3a1c9e8d2b74c0e9a5b6c7d8e9f0a1b', 'lib-movies', 'Blade Runner', 1982,
        '["Science Fiction","Drama"]', '[{"name":"Harrison Ford","role":"Rick Deckard"}]', NULL, 638741000000000000);
INSERT INTO users (id, name, is_disabled, is_administrator, max_parental_rating, has_access_to_all_libraries, library_ids, is_enabled, excluded_library_ids)
VALUES ('u1', 'Alice', 0, 1, NULL, 1, NULL, 0, '["lib-kids"]');
INSERT INTO watch_states (user_id, movie_id, played, play_count, last_played_at, is_favorite, resume_ticks, user_rating)
VALUES ('u1', X'0195A1B2C3D47000800000000000AAAA', 1, 2, 638741000000000000, 1, 0, NULL);
INSERT INTO sync_state (key, value) VALUES ('watch-history:u1', 638741000000000000);
INSERT INTO job_runs (id, job_name, variant, trigger, status, started_at, ended_at, items_processed, items_total, summary, counts, error)
VALUES (X'0195A1B2C3D47000800000000000BBBB', 'sync-movies', NULL, 'schedule', 'succeeded', 638741000000000000, 638741000100000000, 1, 1, '1 movie', '{"added":1}', NULL);
