using Aperture.Catalog;

namespace Aperture.MediaServers;

/// <summary>
/// A connection to one Emby or Jellyfin server, authenticated with an administrator API key.
/// </summary>
/// <remarks>
/// Every method throws a <see cref="MediaServerException"/> subtype on failure:
/// <see cref="MediaServerAuthenticationException"/> when the key is rejected (never retried),
/// <see cref="MediaServerUnavailableException"/> when the server cannot be reached or times out,
/// <see cref="MediaServerResponseException"/> when a response is malformed or an unexpected status.
/// The API key never appears in an exception message or a log line.
/// </remarks>
public interface IMediaServerClient
{
    /// <summary>Reads the server's name, kind and version; the connection check.</summary>
    Task<MediaServerInfo> GetServerInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the server's libraries (virtual folders).</summary>
    Task<IReadOnlyList<MediaLibrary>> GetLibrariesAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the server's users, with server-disabled accounts marked.</summary>
    Task<IReadOnlyList<MediaUser>> GetUsersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams every movie of one library, page by page (pages may be fetched concurrently; memory stays flat).
    /// </summary>
    /// <param name="libraryId">The library to list.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>
    /// The movies, with <see cref="Movie.Id"/> = <see cref="Guid.Empty"/> and <see cref="Movie.LibraryId"/> set.
    /// The sequence completes normally only when the whole listing was read; a listing that ended short or whose
    /// total changed while paging throws <see cref="MediaServerResponseException"/>, so a caller never mistakes a
    /// partial listing for a complete one.
    /// </returns>
    IAsyncEnumerable<Movie> GetMoviesAsync(string libraryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns which of <paramref name="serverIds"/> the server still has, in any library. A listing can skip an
    /// item without any sign when the catalogue changes while it is read (one item removed from a page already read,
    /// one added after it), so a movie missing from a listing is confirmed gone with this before it is marked removed.
    /// </summary>
    /// <param name="serverIds">The server item ids to look for (any number; they are asked for in batches).</param>
    /// <param name="cancellationToken">Stops the lookup.</param>
    Task<IReadOnlySet<string>> GetExistingItemIdsAsync(IReadOnlyCollection<string> serverIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one user's watch states of movies: played, favourite, and in-progress (the resume list) items,
    /// merged per item.
    /// </summary>
    /// <param name="userId">The server's user id.</param>
    /// <param name="changedSince">
    /// <see langword="null"/> for every state. Otherwise only what changed since then: the movies played since, plus
    /// the (short) favourites and resume lists; Emby also returns every state saved since (<c>MinDateLastSavedForUser</c>),
    /// which Jellyfin cannot, as it compares that filter with the item's own save date. A state cleared since
    /// (un-played, un-favourited) may therefore not come back: a full read is the one that sees those.
    /// </param>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<IReadOnlyList<MediaWatchState>> GetWatchStatesAsync(string userId, DateTimeOffset? changedSince, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ensures a movie library named <paramref name="name"/> exists with <paramref name="path"/> (as the server sees
    /// it) among its folders; creates it with collection type <c>movies</c> when missing.
    /// </summary>
    /// <returns>The library as it exists afterwards.</returns>
    Task<MediaLibrary> EnsureMovieLibraryAsync(string name, string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Grants one user access to one library, keeping the user's other access; a user who can access every
    /// library is left unchanged.
    /// </summary>
    Task GrantLibraryAccessAsync(string userId, string libraryId, CancellationToken cancellationToken = default);

    /// <summary>Removes a library (virtual folder) by name; the files on disk are not touched. No-op when missing.</summary>
    Task RemoveLibraryAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Asks the server to scan one library.</summary>
    Task RefreshLibraryAsync(string libraryId, CancellationToken cancellationToken = default);
}
