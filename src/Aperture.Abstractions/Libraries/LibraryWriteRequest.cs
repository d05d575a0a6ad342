using Aperture.Catalog;
using Aperture.MediaServers;
using Aperture.Recommendations;

namespace Aperture.Libraries;

/// <summary>What to write for one user.</summary>
/// <param name="UserId">The server's user id (part of the folder name, so two users named alike never collide).</param>
/// <param name="UserName">The user's display name (sanitised into the folder name).</param>
/// <param name="Entries">The picks with their movies, in rank order.</param>
/// <param name="Server">The media server the library is for, when known (decides the .strm warning for Jellyfin 10.11.7+).</param>
public sealed record LibraryWriteRequest(
    string UserId,
    string UserName,
    IReadOnlyList<LibraryEntry> Entries,
    MediaServerInfo? Server = null);

/// <summary>One pick and its movie.</summary>
/// <param name="Pick">The pick (rank, explanation).</param>
/// <param name="Movie">The movie (title, year, path, metadata for the .nfo).</param>
public sealed record LibraryEntry(MoviePick Pick, Movie Movie);
