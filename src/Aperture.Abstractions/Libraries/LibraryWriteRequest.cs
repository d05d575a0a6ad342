using Aperture.MediaServers;

namespace Aperture.Libraries;

/// <summary>What to write for one user.</summary>
/// <param name="UserId">The server's user id; it is part of the folder name, so two users named alike never collide.</param>
/// <param name="UserName">The user's display name, sanitised into the folder name and used in the library name.</param>
/// <param name="Entries">The picks to write, best first; an empty list empties the user's library.</param>
/// <param name="Server">
/// The media server the library is for, when known; it decides the warning about Jellyfin 10.11.7 and later,
/// which ignore <c>.strm</c> files that hold local paths.
/// </param>
public sealed record LibraryWriteRequest(
    string UserId,
    string UserName,
    IReadOnlyList<LibraryEntry> Entries,
    MediaServerInfo? Server = null);
