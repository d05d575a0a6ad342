namespace Aperture.Libraries;

/// <summary>
/// Writes each user's picks as a folder tree a media server can scan: one folder per movie holding a
/// <c>.strm</c> file or a symbolic link to the original file, and a Kodi <c>.nfo</c>.
/// </summary>
/// <remarks>
/// A changed file is written under a temporary name and renamed into place, and a new movie folder is built
/// under a temporary name and renamed into place whole, so a server never reads half a file or half a folder.
/// Only folders the writer created (marked at the user's root) are ever removed, deletion never follows a
/// symbolic link, and nothing outside the configured output root is touched. Calls are serialised.
/// </remarks>
public interface ILibraryWriter
{
    /// <summary>
    /// Makes the user's library folder hold exactly <paramref name="request"/>'s entries: writes new and changed
    /// movie folders, renames a folder whose rank changed, removes the folders of dropped picks, and renames the
    /// user's folder when their display name changed. A rerun with the same entries writes nothing.
    /// </summary>
    /// <param name="request">The user and their picks.</param>
    /// <param name="cancellationToken">Stops between movies; what was written so far stays consistent.</param>
    /// <returns>What changed, what was skipped and why, and anything the administrator should know.</returns>
    /// <exception cref="LibraryWriteException">
    /// A file or folder could not be written or removed (full disk, permissions), or the user's folder exists but
    /// was not created by Aperture. Every file is then either its old or its new version, never a partial one.
    /// </exception>
    Task<LibraryWriteResult> WriteAsync(LibraryWriteRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists the user libraries this writer created under the output root (those with a marker).</summary>
    /// <param name="cancellationToken">Stops the listing.</param>
    Task<IReadOnlyList<UserLibrary>> GetUserLibrariesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a user's whole folder, if Aperture created it. A folder without Aperture's marker is never removed.
    /// </summary>
    /// <param name="userId">The server's user id.</param>
    /// <param name="cancellationToken">Stops before the removal starts.</param>
    /// <returns>Whether a folder was removed.</returns>
    /// <exception cref="LibraryWriteException">The folder could not be removed completely.</exception>
    Task<bool> RemoveUserAsync(string userId, CancellationToken cancellationToken = default);
}
