using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Jobs;
using Aperture.Recommendations;

namespace Aperture.Storage.Contract;

/// <summary>Fully populated sample values for the store contract tests.</summary>
internal static class StoreTestData
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static Movie Movie(string serverId, string? title = null, int? year = 2010, string? tmdbId = null, string? imdbId = null, string libraryId = "lib-movies") => new()
    {
        ServerId = serverId,
        LibraryId = libraryId,
        Title = title ?? $"Movie {serverId}",
        OriginalTitle = $"Original {serverId}",
        SortTitle = $"sort {serverId}",
        Year = year,
        PremiereDate = year is { } y ? new DateOnly(y, 7, 16) : null,
        Genres = ["Action", "Science Fiction"],
        Overview = "A thief who steals corporate secrets through dream-sharing technology.",
        Tagline = "Your mind is the scene of the crime.",
        CommunityRating = 8.367,
        CriticRating = 87,
        OfficialRating = "PG-13",
        RuntimeMinutes = 148,
        Path = $"/media/movies/{serverId}/{serverId}.mkv",
        Container = "mkv",
        Video = new VideoStreamInfo("hevc", 3840, 2160),
        Audio = new AudioStreamInfo("eac3", 6, "eng"),
        Studios = ["Legendary Pictures", "Syncopy"],
        Directors = ["Christopher Nolan"],
        Writers = ["Christopher Nolan"],
        Actors = [new CastMember("Leonardo DiCaprio", "Cobb"), new CastMember("Elliot Page", "Ariadne"), new CastMember("Tom Hardy")],
        ImdbId = imdbId,
        TmdbId = tmdbId,
        Tags = ["dream", "heist", "ünïcode ✓"],
        ProductionCountries = ["United States of America", "United Kingdom"],
        PosterUrl = new Uri($"http://127.0.0.1:8096/Items/{serverId}/Images/Primary"),
        BackdropUrl = new Uri($"http://127.0.0.1:8096/Items/{serverId}/Images/Backdrop"),
        DateAdded = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero).AddTicks(9),
    };

    public static Movie Sparse(string serverId, string title) => new() { ServerId = serverId, Title = title };

    public static MediaUser User(string id, string name) => new()
    {
        Id = id,
        Name = name,
        IsAdministrator = id.EndsWith('0'),
        MaxParentalRating = 9,
        HasAccessToAllLibraries = false,
        LibraryIds = ["lib-movies", "lib-kids"],
    };

    public static WatchState Watched(string userId, Guid movieId, int playCount = 1) => new()
    {
        UserId = userId,
        MovieId = movieId,
        Played = true,
        PlayCount = playCount,
        LastPlayedAt = Now.AddDays(-playCount),
        IsFavorite = playCount > 2,
        ResumePosition = TimeSpan.FromSeconds(12.5),
        UserRating = 7.5,
    };

    public static EmbeddingModelId Model(int dimensions = 8, string model = "text-embedding-3-small") => new("openai", model, dimensions);

    public static MovieVector Vector(Guid movieId, EmbeddingModelId model, string hash = "hash-1", float seed = 1f)
    {
        var values = new float[model.Dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            // Values whose every bit matters: a round trip through text would lose some of them.
            values[i] = (seed * MathF.PI / (i + 3)) - (i * 1e-7f);
        }

        values[0] = float.Epsilon;
        return new MovieVector(movieId, model, hash, values);
    }

    public static RecommendationRun Run(string userId, DateTimeOffset? startedAt = null) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        ModelKey = "openai:text-embedding-3-small",
        StartedAt = startedAt ?? Now,
        SettingsJson = """{"diversity":0.3}""",
    };

    public static MoviePick[] Picks(int count, int seed = 0) =>
    [
        .. Enumerable.Range(1, count).Select(rank => new MoviePick(
            rank,
            Guid.NewGuid(),
            1.0 / (rank + seed),
            new ScoreBreakdown(0.81, 0.12, 0.5, 0.25, -0.01 * rank),
            [new PickEvidence(Guid.NewGuid(), "Inception (2010)", 0.92), new PickEvidence(Guid.NewGuid(), "Interstellar (2014)", -0.125)],
            rank % 2 == 0 ? null : $"Because you watched Inception ({rank}).")),
    ];

    public static JobRun JobRun(string jobName, DateTimeOffset startedAt, JobRunStatus status = JobRunStatus.Running) => new()
    {
        Id = Guid.NewGuid(),
        JobName = jobName,
        Variant = null,
        Trigger = JobTrigger.Schedule,
        Status = status,
        StartedAt = startedAt,
    };
}
