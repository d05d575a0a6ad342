namespace Aperture.MediaServers;

/// <summary>One user's state of one movie, as the media server reports it (before Aperture resolves the movie).</summary>
public sealed record MediaWatchState
{
    /// <summary>The server's item id.</summary>
    public required string ServerItemId { get; init; }

    /// <summary>The item's IMDb id, used to resolve other copies or a changed item id.</summary>
    public string? ImdbId { get; init; }

    /// <summary>The item's TMDb id, used to resolve other copies or a changed item id.</summary>
    public string? TmdbId { get; init; }

    /// <summary>Whether the server marks the item played.</summary>
    public bool Played { get; init; }

    /// <summary>How many times it was played.</summary>
    public int PlayCount { get; init; }

    /// <summary>When it was last played (UTC), when known.</summary>
    public DateTimeOffset? LastPlayedAt { get; init; }

    /// <summary>Whether the user marked it a favourite.</summary>
    public bool IsFavorite { get; init; }

    /// <summary>The resume position; <see cref="TimeSpan.Zero"/> when none.</summary>
    public TimeSpan ResumePosition { get; init; }

    /// <summary>The item's running time, when known.</summary>
    public TimeSpan? Runtime { get; init; }

    /// <summary>The user's rating on a 0–10 scale, when the server has one.</summary>
    public double? UserRating { get; init; }
}
