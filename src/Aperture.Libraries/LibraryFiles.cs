namespace Aperture.Libraries;

/// <summary>
/// The file operations of the writer, each safe on its own: a file that may be read goes to a temporary name and is
/// renamed into place (a reader sees the old or the new file, never a partial one), no write opens an existing name
/// (so none follows a link), deletions never follow a symbolic link, and
/// every failure becomes a <see cref="LibraryWriteException"/> that names the path and what to do.
/// </summary>
internal sealed class LibraryFiles
{
    /// <summary>The suffix of a file being written; leftovers from a crash are removed on the next run.</summary>
    public const string TempFileSuffix = ".aperture-tmp";

    /// <summary>The prefix of a movie folder being built; leftovers from a crash are removed on the next run.</summary>
    public const string TempFolderPrefix = ".aperture-tmp-";

    // EROFS on Unix, as .NET reports it.
    private const int ReadOnlyFileSystem = 30;

    private readonly Func<Stream, Stream>? _interceptWrite;
    private readonly Action<string, string> _createLink;

    /// <summary>Creates the file operations.</summary>
    /// <param name="interceptWrite">Wraps the stream of every file write; tests use it to fail a write half-way.</param>
    /// <param name="createLink">
    /// Creates a symbolic link (path, target); <see cref="File.CreateSymbolicLink"/> unless tests stand in a file
    /// system that refuses links.
    /// </param>
    public LibraryFiles(Func<Stream, Stream>? interceptWrite = null, Action<string, string>? createLink = null)
    {
        _interceptWrite = interceptWrite;
        _createLink = createLink ?? ((path, target) => File.CreateSymbolicLink(path, target));
    }

    /// <summary>What is at <paramref name="path"/>, without following a symbolic link.</summary>
    public static EntryKind Inspect(string path)
    {
        // One lstat: a link carries ReparsePoint, and a missing entry reads as -1. (Asking for the link target, then
        // whether a folder exists, then whether a file does, took four system calls; the writer inspects every entry.)
        var attributes = new FileInfo(path).Attributes;
        return (int)attributes == -1 ? EntryKind.None
            : (attributes & FileAttributes.ReparsePoint) != 0 ? EntryKind.Link
            : (attributes & FileAttributes.Directory) != 0 ? EntryKind.Directory
            : EntryKind.File;
    }

    /// <summary>The target of the symbolic link at <paramref name="path"/> as written, or <see langword="null"/> when it is not a link.</summary>
    public static string? ReadLink(string path) => new FileInfo(path).LinkTarget;

    /// <summary>Whether a regular file (not a link) at <paramref name="path"/> holds exactly <paramref name="content"/>.</summary>
    public static bool HasContent(string path, ReadOnlySpan<byte> content)
    {
        var info = new FileInfo(path);
        if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0 || info.Length != content.Length)
        {
            return false;
        }

        try
        {
            return File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Unreadable counts as different: the rewrite that follows reports the real problem, if any.
            return false;
        }
    }

    /// <summary>Creates the folder (and its parents) unless it exists; a link or file in the way is an error.</summary>
    public static void EnsureDirectory(string path)
    {
        switch (Inspect(path))
        {
            case EntryKind.Directory:
                return;
            case EntryKind.None:
                Guard(path, "create the folder", () => Directory.CreateDirectory(path));
                return;
            default:
                throw new LibraryWriteException(
                    path,
                    $"'{path}' should be a folder but is a file or a symbolic link. Aperture never writes through links or over files it did not create: move it away, or choose another Aperture:Libraries:OutputRoot.");
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public void WriteFile(string path, ReadOnlySpan<byte> content)
    {
        var temp = TempPathFor(path);
        try
        {
            Delete(temp);
            WriteStream(temp, content);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Translate(path, "write", exception);
        }
    }

    /// <summary>
    /// Creates a file that does not exist yet, inside a folder no reader sees until it is renamed into place
    /// (a new movie folder is built under a temporary name), so no temporary file is needed.
    /// </summary>
    public void WriteNewFile(string path, ReadOnlySpan<byte> content)
    {
        try
        {
            WriteStream(path, content);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(path);
            throw Translate(path, "write", exception);
        }
    }

    /// <summary>
    /// Makes <paramref name="path"/> a symbolic link to <paramref name="target"/>: atomically (temporary link, then
    /// rename) unless <paramref name="isNew"/> says nothing is there and no reader sees the folder yet.
    /// </summary>
    /// <exception cref="LibraryWriteException">The link could not be created; its inner exception says why.</exception>
    public void WriteLink(string path, string target, bool isNew = false)
    {
        var temp = isNew ? path : TempPathFor(path);
        try
        {
            if (!isNew)
            {
                Delete(temp);
            }

            _createLink(temp, target);
            if (!isNew)
            {
                File.Move(temp, path, overwrite: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            TryDelete(temp);
            throw Translate(path, "create the symbolic link", exception);
        }
    }

    /// <summary>Renames a file or folder; the destination must not exist.</summary>
    public static void Move(string from, string to)
    {
        if (Inspect(from) == EntryKind.Directory)
        {
            MoveDirectory(from, to);
        }
        else
        {
            Guard(to, "rename a folder to", () => File.Move(from, to));
        }
    }

    /// <summary>Renames a folder the caller knows is a real folder (one it just created); the destination must not exist.</summary>
    public static void MoveDirectory(string from, string to)
    {
        try
        {
            Directory.Move(from, to);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Translate(to, "rename a folder to", exception);
        }
    }

    /// <summary>
    /// Removes whatever is at <paramref name="path"/>: a link is unlinked (its target is untouched), a folder is
    /// emptied the same way, entry by entry, then removed. Nothing there is not an error.
    /// </summary>
    public static void Delete(string path)
    {
        try
        {
            DeleteEntry(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Translate(path, "remove", exception);
        }
    }

    private static void DeleteEntry(string path)
    {
        switch (Inspect(path))
        {
            case EntryKind.Link:
                // A link to a folder is removed like a folder on Windows; on Unix unlink removes any link.
                if (OperatingSystem.IsWindows() && (File.GetAttributes(path) & FileAttributes.Directory) != 0)
                {
                    Directory.Delete(path);
                }
                else
                {
                    File.Delete(path);
                }

                break;
            case EntryKind.Directory:
                foreach (var entry in Directory.EnumerateFileSystemEntries(path))
                {
                    DeleteEntry(entry);
                }

                Directory.Delete(path);
                break;
            case EntryKind.File:
                File.SetAttributes(path, FileAttributes.Normal);
                File.Delete(path);
                break;
        }
    }

    /// <summary>Removes whatever is at <paramref name="path"/> like <see cref="Delete"/>, ignoring failures (cleanup after an error).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            DeleteEntry(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is removed by the next run.
        }
    }

    // CreateNew refuses to open an existing name, a link included: a write never lands outside the folder.
    private void WriteStream(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        using var target = _interceptWrite?.Invoke(stream) ?? stream;
        target.Write(content);
        target.Flush();
    }

    private static string TempPathFor(string path) =>
        Path.Join(Path.GetDirectoryName(path), "." + Path.GetFileName(path) + TempFileSuffix);

    private static void Guard(string path, string action, Action operation)
    {
        try
        {
            operation();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Translate(path, action, exception);
        }
    }

    private static LibraryWriteException Translate(string path, string action, Exception exception)
    {
        const string Consistent = "Files written so far are complete; run sync-movie-libraries again afterwards.";
        var message = exception switch
        {
            IOException io when IsDiskFull(io) =>
                $"Could not {action} '{path}': the disk is full. Free space on it, or point Aperture:Libraries:OutputRoot at a larger disk. {Consistent}",
            IOException io when io.HResult == ReadOnlyFileSystem =>
                $"Could not {action} '{path}': the file system is read-only. Mount Aperture:Libraries:OutputRoot writable for Aperture. {Consistent}",
            UnauthorizedAccessException =>
                $"Could not {action} '{path}': access denied. Give the account running Aperture write access to Aperture:Libraries:OutputRoot. {Consistent}",
            _ => $"Could not {action} '{path}': {exception.Message} Check the disk and its permissions. {Consistent}",
        };
        return new LibraryWriteException(path, message, exception);
    }

    // ENOSPC and EDQUOT on Unix (.NET reports the errno as HResult); ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    private static bool IsDiskFull(IOException exception) =>
        exception.HResult is 28 or 122 or unchecked((int)0x80070070) or unchecked((int)0x80070027);
}
