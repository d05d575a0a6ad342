namespace Aperture.Catalog;

/// <summary>A user account of the media server.</summary>
public sealed record MediaUser
{
    /// <summary>The server's user id (Jellyfin: 32 hex digits; Emby: a numeric string).</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Whether the server has disabled the account; disabled users are never processed.</summary>
    public bool IsDisabled { get; init; }

    /// <summary>Whether the account is a server administrator.</summary>
    public bool IsAdministrator { get; init; }

    /// <summary>
    /// The highest parental rating value the user may see (the server's numeric scale, e.g. PG-13 = 7,
    /// R = 9), or <see langword="null"/> for no limit.
    /// </summary>
    public int? MaxParentalRating { get; init; }

    /// <summary>Whether the user can access every library; when <see langword="true"/>, <see cref="LibraryIds"/> is ignored.</summary>
    public bool HasAccessToAllLibraries { get; init; } = true;

    /// <summary>The libraries the user can access when <see cref="HasAccessToAllLibraries"/> is <see langword="false"/>.</summary>
    public IReadOnlyList<string> LibraryIds { get; init; } = [];
}
