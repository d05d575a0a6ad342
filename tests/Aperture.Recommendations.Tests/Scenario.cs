using Aperture.Catalog;
using Aperture.Embeddings;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aperture.Recommendations.Tests;

/// <summary>A small hand-made catalogue and history, for checking one rule at a time.</summary>
internal sealed class Scenario
{
    public const string UserId = "user-1";
    public const string MainLibrary = "lib-main";
    public const int Dimensions = 8;

    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly EmbeddingModelId Model = new("test", "tiny", Dimensions);

    private readonly List<Movie> _movies = [];
    private readonly List<MovieVector> _vectors = [];
    private readonly List<WatchState> _states = [];

    /// <summary>A unit vector along <paramref name="axis"/>, tilted by <paramref name="tilt"/> toward the next axis.</summary>
    public static float[] Axis(int axis, float tilt = 0f)
    {
        var vector = new float[Dimensions];
        vector[axis] = 1f;
        vector[(axis + 1) % Dimensions] = tilt;
        return vector;
    }

    public Movie Add(string title, float[] vector, Func<Movie, Movie>? configure = null)
    {
        var movie = new Movie
        {
            Id = new Guid(_movies.Count + 1, 0, 0, new byte[8]),
            ServerId = $"server-{_movies.Count + 1:D3}",
            LibraryId = MainLibrary,
            Title = title,
            Year = 2000 + _movies.Count,
            Genres = ["Drama"],
            RuntimeMinutes = 100,
            CommunityRating = 7,
        };
        movie = configure?.Invoke(movie) ?? movie;
        _movies.Add(movie);
        _vectors.Add(new MovieVector(movie.Id, Model, "hash", vector));
        return movie;
    }

    /// <summary>Records that <paramref name="userId"/> played <paramref name="movie"/> <paramref name="daysAgo"/> days ago.</summary>
    public WatchState Watch(Movie movie, Func<WatchState, WatchState>? configure = null, string userId = UserId, int daysAgo = 10)
    {
        var state = new WatchState
        {
            UserId = userId,
            MovieId = movie.Id,
            Played = true,
            PlayCount = 1,
            LastPlayedAt = Now.AddDays(-daysAgo),
        };
        state = configure?.Invoke(state) ?? state;
        _states.Add(state);
        return state;
    }

    public static UserAccount User(Func<MediaUser, MediaUser>? configure = null, IReadOnlyList<string>? excludedLibraries = null, string id = UserId)
    {
        var user = new MediaUser { Id = id, Name = id };
        return new UserAccount(configure?.Invoke(user) ?? user, true, excludedLibraries ?? []);
    }

    public RecommendationDataset Dataset() => RecommendationDataset.Create(Model, _movies, _vectors, _states, Now);

    public RecommendationSession Session(RecommendationOptions? options = null, IPickExplainer? explainer = null) =>
        new(Dataset(), options ?? Quiet(), explainer, TimeProvider.System, NullLogger.Instance, default);

    public Task<UserRecommendations> RecommendAsync(RecommendationOptions? options = null, UserAccount? user = null) =>
        Session(options).RecommendAsync(user ?? User());

    /// <summary>Options that rank by content alone, without diversity, so a test sees the raw order.</summary>
    public static RecommendationOptions Quiet(Action<RecommendationOptions>? configure = null)
    {
        var options = new RecommendationOptions
        {
            CollaborativeWeight = 0,
            PriorWeight = 0,
            NoveltyWeight = 0,
            DiversityWeight = 0,
            Explanations = ExplanationMode.None,
        };
        configure?.Invoke(options);
        return options;
    }

    public string Title(MoviePick pick) => _movies.Single(m => m.Id == pick.MovieId).Title;

    public IReadOnlyList<string> Genres(MoviePick pick) => _movies.Single(m => m.Id == pick.MovieId).Genres;

    public List<string> Titles(UserRecommendations result) => result.Picks.Select(Title).ToList();
}
