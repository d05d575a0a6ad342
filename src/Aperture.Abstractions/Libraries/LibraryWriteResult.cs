namespace Aperture.Libraries;

/// <summary>What a write did for one user.</summary>
/// <param name="LocalPath">The user's library folder as Aperture sees it.</param>
/// <param name="ServerPath">The same folder as the media server sees it.</param>
/// <param name="Written">Movie folders created or rewritten.</param>
/// <param name="Unchanged">Movie folders left as they were.</param>
/// <param name="Removed">Movie folders removed (dropped picks).</param>
/// <param name="Warnings">Things the administrator should know (for example the Jellyfin .strm limitation).</param>
public sealed record LibraryWriteResult(
    string LocalPath,
    string ServerPath,
    int Written,
    int Unchanged,
    int Removed,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Whether anything on disk changed (a scan is needed).</summary>
    public bool Changed => Written > 0 || Removed > 0;
}
