namespace Aperture.Catalog;

/// <summary>
/// A movie of the catalogue: everything the jobs read about one film, as the media server describes it,
/// plus the identity and lifecycle Aperture keeps for it.
/// </summary>
/// <remarks>
/// A movie read from a media server has <see cref="Id"/> = <see cref="Guid.Empty"/>; the store assigns the
/// stable id when it first stores the movie and keeps it when the server's item id changes.
/// Collections are never <see langword="null"/>; an absent value is an empty list.
/// </remarks>
public sealed record Movie
{
    /// <summary>Aperture's stable id of the movie; <see cref="Guid.Empty"/> until the store assigns one.</summary>
    public Guid Id { get; init; }

    /// <summary>The media server's item id (Jellyfin: 32 hex digits; Emby: a numeric string).</summary>
    public required string ServerId { get; init; }

    /// <summary>The id of the media server library the movie was listed in, when known.</summary>
    public string? LibraryId { get; init; }

    /// <summary>The display title.</summary>
    public required string Title { get; init; }

    /// <summary>The title in the film's original language, when the server knows one.</summary>
    public string? OriginalTitle { get; init; }

    /// <summary>The server's sort title, when it has one.</summary>
    public string? SortTitle { get; init; }

    /// <summary>The production year, when known.</summary>
    public int? Year { get; init; }

    /// <summary>The first release date (date part only), when known.</summary>
    public DateOnly? PremiereDate { get; init; }

    /// <summary>Genres, in the server's order.</summary>
    public IReadOnlyList<string> Genres { get; init; } = [];

    /// <summary>The plot summary, when known.</summary>
    public string? Overview { get; init; }

    /// <summary>The tagline, when known.</summary>
    public string? Tagline { get; init; }

    /// <summary>The community rating on a 0–10 scale, when known.</summary>
    public double? CommunityRating { get; init; }

    /// <summary>The critic rating on a 0–100 scale, when known.</summary>
    public double? CriticRating { get; init; }

    /// <summary>The official (parental) rating, for example <c>PG-13</c>, when known.</summary>
    public string? OfficialRating { get; init; }

    /// <summary>The running time in whole minutes (server ticks / 600 000 000, rounded), when known.</summary>
    public int? RuntimeMinutes { get; init; }

    /// <summary>The path of the movie's main file as the media server sees it, when known.</summary>
    public string? Path { get; init; }

    /// <summary>The container of the main file (for example <c>mkv</c>), when known.</summary>
    public string? Container { get; init; }

    /// <summary>Facts of the first video stream, when known.</summary>
    public VideoStreamInfo? Video { get; init; }

    /// <summary>Facts of the first audio stream, when known.</summary>
    public AudioStreamInfo? Audio { get; init; }

    /// <summary>Studio names, in the server's order.</summary>
    public IReadOnlyList<string> Studios { get; init; } = [];

    /// <summary>Director names.</summary>
    public IReadOnlyList<string> Directors { get; init; } = [];

    /// <summary>Writer names.</summary>
    public IReadOnlyList<string> Writers { get; init; } = [];

    /// <summary>Actors with their roles, in billing order.</summary>
    public IReadOnlyList<CastMember> Actors { get; init; } = [];

    /// <summary>The IMDb id (for example <c>tt1375666</c>), when the server has a real one.</summary>
    public string? ImdbId { get; init; }

    /// <summary>The TMDb id (for example <c>27205</c>), when the server has a real one.</summary>
    public string? TmdbId { get; init; }

    /// <summary>Tags (keywords, themes).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Production countries.</summary>
    public IReadOnlyList<string> ProductionCountries { get; init; } = [];

    /// <summary>An absolute URL of the poster image, when the server has one.</summary>
    public Uri? PosterUrl { get; init; }

    /// <summary>An absolute URL of the backdrop image, when the server has one.</summary>
    public Uri? BackdropUrl { get; init; }

    /// <summary>When the item was added to the media server, when known.</summary>
    public DateTimeOffset? DateAdded { get; init; }

    /// <summary>
    /// When a complete listing of the movie's library last found it missing; <see langword="null"/> while the
    /// movie is active. Removed movies are kept (marked), never deleted, and un-marked when they return.
    /// </summary>
    public DateTimeOffset? RemovedAt { get; init; }

    /// <summary>Whether the movie is active (not marked removed).</summary>
    public bool IsActive => RemovedAt is null;

    /// <summary>A display label "Title (Year)", or just the title when the year is unknown.</summary>
    public string DisplayTitle => Year is { } year ? $"{Title} ({year.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : Title;
}
