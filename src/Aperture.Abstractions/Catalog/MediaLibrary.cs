namespace Aperture.Catalog;

/// <summary>A library (virtual folder) of the media server.</summary>
/// <param name="Id">The server's library id (Jellyfin: 32 hex digits; Emby: a numeric string).</param>
/// <param name="Name">The display name.</param>
/// <param name="CollectionType">The server's collection type (<c>movies</c>, <c>tvshows</c>, …); <see langword="null"/> when mixed.</param>
/// <param name="Locations">The folders of the library, as the media server sees them.</param>
public sealed record MediaLibrary(string Id, string Name, string? CollectionType, IReadOnlyList<string> Locations)
{
    /// <summary>Whether the library holds movies.</summary>
    public bool IsMovieLibrary => string.Equals(CollectionType, "movies", StringComparison.OrdinalIgnoreCase);
}
