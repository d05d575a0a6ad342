namespace Aperture.Catalog;

/// <summary>What one user did with one movie, as last synchronised from the media server.</summary>
public sealed record WatchState
{
    /// <summary>The server's user id.</summary>
    public required string UserId { get; init; }

    /// <summary>Aperture's id of the movie.</summary>
    public required Guid MovieId { get; init; }

    /// <summary>Whether the server marks the movie played.</summary>
    public bool Played { get; init; }

    /// <summary>How many times it was played (0 or more).</summary>
    public int PlayCount { get; init; }

    /// <summary>When it was last played, when known (UTC).</summary>
    public DateTimeOffset? LastPlayedAt { get; init; }

    /// <summary>Whether the user marked it a favourite.</summary>
    public bool IsFavorite { get; init; }

    /// <summary>The resume position of an unfinished playback; <see cref="TimeSpan.Zero"/> when none.</summary>
    public TimeSpan ResumePosition { get; init; }

    /// <summary>The user's own rating on a 0–10 scale, when the server has one.</summary>
    public double? UserRating { get; init; }
}
