using Aperture.Catalog;
using Aperture.MediaServers;

namespace Aperture.Testing.Data;

/// <summary>What one generated user did with one generated movie, with both the server's and Aperture's ids.</summary>
public sealed record SyntheticWatch
{
    /// <summary>The server's user id.</summary>
    public required string UserId { get; init; }

    /// <summary>The server's item id of the movie.</summary>
    public required string ServerItemId { get; init; }

    /// <summary>Aperture's id of the movie (as generated, or as a store assigned it after <see cref="SyntheticServer.StoreAsync"/>).</summary>
    public required Guid MovieId { get; init; }

    /// <summary>Whether the movie was played to the end.</summary>
    public bool Played { get; init; }

    /// <summary>How many times it was played.</summary>
    public int PlayCount { get; init; }

    /// <summary>When it was last played or, for an unfinished one, last watched (UTC).</summary>
    public DateTimeOffset? LastPlayedAt { get; init; }

    /// <summary>Whether the user marked it a favourite.</summary>
    public bool IsFavorite { get; init; }

    /// <summary>The resume position of an unfinished playback; <see cref="TimeSpan.Zero"/> when none.</summary>
    public TimeSpan ResumePosition { get; init; }

    /// <summary>The movie's running time.</summary>
    public TimeSpan? Runtime { get; init; }

    /// <summary>The user's rating on a 0–10 scale, for users who rate.</summary>
    public double? UserRating { get; init; }

    /// <summary>The movie's IMDb id, when it has one.</summary>
    public string? ImdbId { get; init; }

    /// <summary>The movie's TMDb id, when it has one.</summary>
    public string? TmdbId { get; init; }

    /// <summary>The state as Aperture stores it.</summary>
    public WatchState ToWatchState() => new()
    {
        UserId = UserId,
        MovieId = MovieId,
        Played = Played,
        PlayCount = PlayCount,
        LastPlayedAt = LastPlayedAt,
        IsFavorite = IsFavorite,
        ResumePosition = ResumePosition,
        UserRating = UserRating,
    };

    /// <summary>The state as a media server reports it.</summary>
    public MediaWatchState ToMediaWatchState() => new()
    {
        ServerItemId = ServerItemId,
        ImdbId = ImdbId,
        TmdbId = TmdbId,
        Played = Played,
        PlayCount = PlayCount,
        LastPlayedAt = LastPlayedAt,
        IsFavorite = IsFavorite,
        ResumePosition = ResumePosition,
        Runtime = Runtime,
        UserRating = UserRating,
    };
}
