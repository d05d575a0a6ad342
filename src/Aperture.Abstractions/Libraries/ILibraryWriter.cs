namespace Aperture.Libraries;

/// <summary>
/// Writes one user's picks as a folder tree the media server can scan (.strm or symlink plus .nfo per movie),
/// idempotently and atomically per file.
/// </summary>
public interface ILibraryWriter
{
    /// <summary>
    /// Makes the user's folder hold exactly <paramref name="request"/>'s entries: writes new and changed ones,
    /// renames on rank change, removes dropped ones. A rerun with the same entries writes nothing.
    /// </summary>
    Task<LibraryWriteResult> WriteAsync(LibraryWriteRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes a user's whole folder, if Aperture created it; returns whether something was removed.</summary>
    Task<bool> RemoveUserAsync(string userId, string userName, CancellationToken cancellationToken = default);
}
