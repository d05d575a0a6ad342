namespace Aperture.Libraries;

/// <summary>One movie folder as it should be on disk.</summary>
/// <param name="Rank">The pick's rank.</param>
/// <param name="MovieId">Aperture's id of the movie.</param>
/// <param name="FolderName">The folder name, <c>NN - Title (Year)</c>.</param>
/// <param name="Key">The folder name without its rank prefix: a folder with the same key is the same movie at another rank.</param>
/// <param name="Media">The video entry: a symbolic link, or a <c>.strm</c> file.</param>
/// <param name="StrmFallback">The <c>.strm</c> file to write instead when <see cref="Media"/> is a link that cannot be created (Auto mode).</param>
/// <param name="Nfo">The <c>.nfo</c> file.</param>
internal sealed record PlannedMovie(
    int Rank,
    Guid MovieId,
    string FolderName,
    string Key,
    PlannedFile Media,
    PlannedFile? StrmFallback,
    PlannedFile Nfo);

/// <summary>One file of a movie folder: a regular file with its bytes, or a symbolic link with its target.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Content">The bytes of a regular file; <see langword="null"/> for a link.</param>
/// <param name="LinkTarget">The target of a link, as the media server sees it; <see langword="null"/> for a regular file.</param>
internal sealed record PlannedFile(string Name, byte[]? Content, string? LinkTarget)
{
    /// <summary>Whether this is a symbolic link.</summary>
    public bool IsLink => LinkTarget is not null;
}
