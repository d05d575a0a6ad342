namespace Aperture.Libraries;

/// <summary>What one <see cref="ILibraryWriter.WriteAsync"/> call did.</summary>
/// <param name="Library">The user's library folder and the server library name that goes with it.</param>
/// <param name="Written">Movie folders created, renamed or rewritten.</param>
/// <param name="Unchanged">Movie folders that already matched and were left untouched.</param>
/// <param name="Removed">Movie folders removed (dropped picks and leftovers).</param>
/// <param name="Skipped">Picks that were not written, with the reason.</param>
/// <param name="Warnings">
/// Things the administrator should act on, for example that Jellyfin 10.11.7 and later ignore the <c>.strm</c>
/// files written and <c>Symlink</c> mode should be used.
/// </param>
public sealed record LibraryWriteResult(
    UserLibrary Library,
    int Written,
    int Unchanged,
    int Removed,
    IReadOnlyList<SkippedMovie> Skipped,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Files and links created or replaced on disk; 0 when the folder already matched.</summary>
    public int FilesWritten { get; init; }

    /// <summary>
    /// The server library name this folder was written under before, when it differs from
    /// <see cref="UserLibrary.LibraryName"/> (the user was renamed, or the name template changed): that old library
    /// now points at a folder that no longer exists and should be removed.
    /// </summary>
    public string? PreviousLibraryName { get; init; }

    /// <summary>Whether anything on disk changed, so the server library needs a scan.</summary>
    public bool Changed => Written > 0 || Removed > 0 || PreviousLibraryName is not null;
}
