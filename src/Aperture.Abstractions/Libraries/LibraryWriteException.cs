namespace Aperture.Libraries;

/// <summary>
/// A library folder could not be written or removed: a full disk, missing permissions, a file system without
/// symbolic links, or a folder in the way that Aperture did not create. The message names the path and what to do.
/// Files written before the failure are complete (old or new version, never partial).
/// </summary>
public sealed class LibraryWriteException : ApertureException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file or folder concerned.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LibraryWriteException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The file or folder concerned, as Aperture sees it.</summary>
    public string Path { get; }
}
