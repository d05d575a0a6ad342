namespace Aperture.Libraries;

/// <summary>
/// Makes one user's <c>ai-movies</c> folder match a <see cref="LibraryPlan"/>, touching only what differs:
/// removes dropped movie folders, renames folders whose rank changed, builds new folders under a temporary name
/// (or in place, inside a folder no reader sees yet), and rewrites only files whose content or link target changed.
/// </summary>
/// <remarks>
/// Inside a kept movie folder only Aperture's own entries are replaced or removed (the video link or <c>.strm</c>,
/// the <c>.nfo</c>, temporary files); files the media server saved there (artwork, trickplay) are left alone.
/// </remarks>
internal sealed class MovieFolderSync
{
    private readonly string _moviesPath;
    private readonly LibraryFiles _files;
    private readonly bool _unseen;

    /// <summary>Creates the sync of the folder at <paramref name="moviesPath"/> (a real folder inside a marked user folder).</summary>
    /// <param name="moviesPath">The user's <c>ai-movies</c> folder.</param>
    /// <param name="files">The file operations.</param>
    /// <param name="unseen">
    /// Whether the folder is still under a temporary name that no reader sees (a user's first write): its movie
    /// folders are then built in place, since the whole folder appears at once when it is renamed.
    /// </param>
    public MovieFolderSync(string moviesPath, LibraryFiles files, bool unseen = false)
    {
        _moviesPath = moviesPath;
        _files = files;
        _unseen = unseen;
    }

    /// <summary>Movie folders created, renamed or rewritten.</summary>
    public int Written { get; private set; }

    /// <summary>Movie folders left untouched.</summary>
    public int Unchanged { get; private set; }

    /// <summary>Movie folders (and stray links) removed.</summary>
    public int Removed { get; private set; }

    /// <summary>Files and links created or replaced.</summary>
    public int FilesWritten { get; private set; }

    /// <summary>Movies whose video is a <c>.strm</c> file after the sync.</summary>
    public int StrmCount { get; private set; }

    /// <summary>Auto mode: why links could not be created and <c>.strm</c> files were written instead, if that happened.</summary>
    public LibraryWriteException? LinkFailure { get; private set; }

    /// <summary>Applies <paramref name="plan"/>.</summary>
    public void Apply(LibraryPlan plan, CancellationToken cancellationToken)
    {
        var existing = Directory.EnumerateFileSystemEntries(_moviesPath)
            .Select(path => (Name: Path.GetFileName(path), Kind: LibraryFiles.Inspect(path)))
            .ToList();
        var folders = existing.Where(entry => entry.Kind == EntryKind.Directory && !IsTemp(entry.Name)).Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);
        var sources = Match(plan.Movies, folders);
        var desired = plan.Movies.Select(movie => movie.FolderName).ToHashSet(StringComparer.Ordinal);
        var kept = sources.Values.ToHashSet(StringComparer.Ordinal);

        // Removals first: they free the names and the space the writes need. Loose files are not Aperture's and stay,
        // unless one sits where a movie folder must go.
        foreach (var (name, kind) in existing)
        {
            if (IsTemp(name) || (desired.Contains(name) && kind != EntryKind.Directory))
            {
                LibraryFiles.Delete(Path.Join(_moviesPath, name));
            }
            else if (!kept.Contains(name) && kind is EntryKind.Directory or EntryKind.Link)
            {
                LibraryFiles.Delete(Path.Join(_moviesPath, name));
                Removed++;
            }
        }

        foreach (var movie in plan.Movies)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Join(_moviesPath, movie.FolderName);
            if (!sources.TryGetValue(movie, out var source))
            {
                Create(path, movie);
                Written++;
                continue;
            }

            var changed = false;
            if (source != movie.FolderName)
            {
                LibraryFiles.Move(Path.Join(_moviesPath, source), path);
                changed = true;
            }

            changed |= Update(path, movie);
            if (changed)
            {
                Written++;
            }
            else
            {
                Unchanged++;
            }
        }
    }

    // Pairs each planned folder with the existing folder it reuses: the same name, else the same movie at another
    // rank (same key), which is renamed rather than rebuilt.
    private static Dictionary<PlannedMovie, string> Match(IReadOnlyList<PlannedMovie> movies, HashSet<string> folders)
    {
        var sources = new Dictionary<PlannedMovie, string>();
        var free = new HashSet<string>(folders, StringComparer.Ordinal);
        foreach (var movie in movies)
        {
            if (free.Remove(movie.FolderName))
            {
                sources[movie] = movie.FolderName;
            }
        }

        var byKey = free.ToLookup(KeyOf, StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var movie in movies)
        {
            if (!sources.ContainsKey(movie) && byKey[movie.Key].FirstOrDefault(taken.Add) is { } source)
            {
                sources[movie] = source;
            }
        }

        return sources;
    }

    // "07 - Heat (1995)" → "Heat (1995)"; a name without a rank prefix is its own key.
    private static string KeyOf(string folderName)
    {
        var separator = folderName.IndexOf(" - ", StringComparison.Ordinal);
        return separator > 0 && !folderName.AsSpan(0, separator).ContainsAnyExceptInRange('0', '9')
            ? folderName[(separator + 3)..]
            : folderName;
    }

    // A new folder is built under a hidden temporary name and renamed into place whole, so a scan never finds it
    // half-written; inside an unseen folder it is built in place. Any leftover under the temporary name was removed
    // with the other temporary entries before the first write, so none needs checking for here.
    private void Create(string path, PlannedMovie movie)
    {
        var target = _unseen ? path : Path.Join(_moviesPath, LibraryFiles.TempFolderPrefix + movie.FolderName);
        LibraryFiles.EnsureDirectory(target);
        try
        {
            WriteMedia(target, movie, isNew: true, out _);
            Write(target, movie.Nfo, isNew: true);
            if (!_unseen)
            {
                LibraryFiles.MoveDirectory(target, path);
            }
        }
        catch
        {
            LibraryFiles.TryDelete(target);
            throw;
        }
    }

    private bool Update(string folder, PlannedMovie movie)
    {
        var media = WriteMedia(folder, movie, isNew: false, out var changed);
        changed |= Write(folder, movie.Nfo, isNew: false);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var name = Path.GetFileName(entry);
            if (name == media.Name || name == movie.Nfo.Name)
            {
                continue;
            }

            // Stale entries of Aperture's own: a video link or .strm of another mode or name, an interrupted write.
            var kind = LibraryFiles.Inspect(entry);
            if (kind == EntryKind.Link
                || (kind == EntryKind.File && (name.EndsWith(".strm", StringComparison.OrdinalIgnoreCase) || IsTempFile(name))))
            {
                LibraryFiles.Delete(entry);
                changed = true;
            }
        }

        return changed;
    }

    private PlannedFile WriteMedia(string folder, PlannedMovie movie, bool isNew, out bool changed)
    {
        // Symlink mode has no fallback, so a link that cannot be created is an error there.
        if (movie.Media.IsLink && (LinkFailure is null || movie.StrmFallback is null))
        {
            try
            {
                changed = Write(folder, movie.Media, isNew);
                return movie.Media;
            }
            catch (LibraryWriteException exception) when (movie.StrmFallback is not null)
            {
                // Auto mode on a file system that refuses links: write .strm files from now on.
                LinkFailure = exception;
            }
        }

        var strm = movie.Media.IsLink ? movie.StrmFallback! : movie.Media;
        changed = Write(folder, strm, isNew);
        StrmCount++;
        return strm;
    }

    // Writes the file unless it already holds the planned content or link target; a new folder's files are written
    // straight away (nobody sees the folder yet), an existing folder's are replaced atomically.
    private bool Write(string folder, PlannedFile file, bool isNew)
    {
        var path = Path.Join(folder, file.Name);
        if (!isNew)
        {
            if (file.IsLink ? LibraryFiles.ReadLink(path) == file.LinkTarget : LibraryFiles.HasContent(path, file.Content))
            {
                return false;
            }

            if (LibraryFiles.Inspect(path) == EntryKind.Directory)
            {
                LibraryFiles.Delete(path);
            }
        }

        if (file.IsLink)
        {
            _files.WriteLink(path, file.LinkTarget!, isNew);
        }
        else if (isNew)
        {
            _files.WriteNewFile(path, file.Content);
        }
        else
        {
            _files.WriteFile(path, file.Content);
        }

        FilesWritten++;
        return true;
    }

    private static bool IsTemp(string name) => name.StartsWith(LibraryFiles.TempFolderPrefix, StringComparison.Ordinal) || IsTempFile(name);

    private static bool IsTempFile(string name) => name.StartsWith('.') && name.EndsWith(LibraryFiles.TempFileSuffix, StringComparison.Ordinal);
}
