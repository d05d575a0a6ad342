namespace Aperture.Jobs;

/// <summary>The names of the six movie jobs, and their pipeline order.</summary>
public static class MovieJobNames
{
    /// <summary>Imports the movies of the enabled libraries.</summary>
    public const string SyncMovies = "sync-movies";

    /// <summary>Imports users' watch states (variant <c>full</c>: complete resync).</summary>
    public const string SyncWatchHistory = "sync-movie-watch-history";

    /// <summary>Embeds movies that have no current vector.</summary>
    public const string GenerateEmbeddings = "generate-movie-embeddings";

    /// <summary>Computes every enabled user's picks.</summary>
    public const string GenerateRecommendations = "generate-movie-recommendations";

    /// <summary>Rebuilds every user's picks from scratch (manual only).</summary>
    public const string FullResetRecommendations = "full-reset-movie-recommendations";

    /// <summary>Writes the per-user library folders and updates the server.</summary>
    public const string SyncLibraries = "sync-movie-libraries";

    /// <summary>The variant of <see cref="SyncWatchHistory"/> that resyncs everything.</summary>
    public const string FullVariant = "full";

    /// <summary>The default pipeline order for a first run or a full refresh.</summary>
    public static IReadOnlyList<string> Pipeline { get; } =
        [SyncMovies, GenerateEmbeddings, SyncWatchHistory, GenerateRecommendations, SyncLibraries];
}
