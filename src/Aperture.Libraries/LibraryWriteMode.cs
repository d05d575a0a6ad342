namespace Aperture.Libraries;

/// <summary>How a movie's video is put into a user's library folder.</summary>
public enum LibraryWriteMode
{
    /// <summary>
    /// A symbolic link where possible (the original file is visible to Aperture and the file system allows links),
    /// a <c>.strm</c> file otherwise. Never leaves a dangling link.
    /// </summary>
    Auto,

    /// <summary>
    /// A <c>.strm</c> text file holding the movie's path as the media server sees it (never a URL, never a key).
    /// Emby and Jellyfin before 10.11.7 follow it; Jellyfin 10.11.7 and later ignore local paths in <c>.strm</c> files.
    /// </summary>
    Strm,

    /// <summary>
    /// A symbolic link to the original file, keeping its extension; the link target is the path as the media server
    /// sees it, so the server resolves it. Works with every server that can see the original files.
    /// </summary>
    Symlink,
}
