using System.Globalization;
using System.Text.Json;
using Aperture.MediaServers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aperture.Libraries;

/// <summary>
/// Writes per-user library folders under <see cref="LibraryOptions.OutputRoot"/>:
/// <c>users/&lt;user folder&gt;/ai-movies/NN - Title (Year)/Title (Year).strm|.ext</c> plus <c>Title (Year).nfo</c>.
/// </summary>
internal sealed class LibraryWriter : ILibraryWriter, IDisposable
{
    private const string UsersFolderName = "users";
    private const string MoviesFolderName = "ai-movies";

    // A marker is a few hundred bytes; anything much larger is not ours.
    private const long MaxMarkerBytes = 64 * 1024;

    private readonly LibraryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly LibraryFiles _files;
    private readonly LibraryPlanner _planner;
    private readonly string _root;
    private readonly string _serverRoot;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the writer from validated options.</summary>
    public LibraryWriter(IOptions<LibraryOptions> options, TimeProvider timeProvider, ILogger<LibraryWriter> logger)
        : this(options.Value, timeProvider, logger, new LibraryFiles())
    {
    }

    /// <summary>Creates the writer with the given file operations (tests inject failing writes).</summary>
    internal LibraryWriter(LibraryOptions options, TimeProvider timeProvider, ILogger logger, LibraryFiles files)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _files = files;
        _planner = new LibraryPlanner(options);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.OutputRoot));
        _serverRoot = string.IsNullOrWhiteSpace(options.ServerOutputRoot) ? _root : options.ServerOutputRoot;
    }

    private string UsersPath => Path.Join(_root, UsersFolderName);

    /// <inheritdoc />
    public async Task<LibraryWriteResult> WriteAsync(LibraryWriteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.UserId);
        ArgumentNullException.ThrowIfNull(request.Entries);
        foreach (var entry in request.Entries)
        {
            ArgumentNullException.ThrowIfNull(entry?.Movie, nameof(request));
            ArgumentOutOfRangeException.ThrowIfLessThan(entry.Rank, 1, nameof(request));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Write(request, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UserLibrary>> GetUserLibrariesAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return [.. ReadMarkers().Select(found => Describe(found.Path, found.Marker))];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> RemoveUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var removed = false;
            foreach (var (path, _) in ReadMarkers().Where(found => found.Marker.UserId == userId))
            {
                LibraryFiles.Delete(path);
                _logger.UserFolderRemoved(userId, path);
                removed = true;
            }

            return removed;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private LibraryWriteResult Write(LibraryWriteRequest request, CancellationToken cancellationToken)
    {
        var (userPath, marker, previousLibraryName) = OpenUserFolder(request.UserId, request.UserName);
        var moviesPath = Path.Join(userPath, MoviesFolderName);
        var moviesKind = LibraryFiles.Inspect(moviesPath);
        if (moviesKind == EntryKind.Link)
        {
            // Inside a folder Aperture owns, a link here can only be tampering: it must never lead writes elsewhere.
            LibraryFiles.Delete(moviesPath);
            moviesKind = EntryKind.None;
        }

        var plan = _planner.Plan(request.Entries, marker.CreatedAt);
        var staging = Path.Join(userPath, LibraryFiles.TempFolderPrefix + MoviesFolderName);
        LibraryFiles.Delete(staging);
        var sync = moviesKind == EntryKind.None && plan.Movies.Count > 0
            ? WriteFirst(plan, staging, moviesPath, cancellationToken)
            : Update(plan, moviesPath, cancellationToken);

        var library = Describe(userPath, marker);
        var warnings = Warnings(request, plan, sync);
        foreach (var skipped in plan.Skipped)
        {
            _logger.MovieSkipped(library.UserName, skipped.Title, skipped.Rank, skipped.Reason);
        }

        foreach (var warning in warnings)
        {
            _logger.LibraryWarning(warning);
        }

        _logger.LibraryWritten(library.UserName, moviesPath, sync.Written, sync.Unchanged, sync.Removed, plan.Skipped.Count, sync.FilesWritten);
        return new LibraryWriteResult(library, sync.Written, sync.Unchanged, sync.Removed, plan.Skipped, warnings)
        {
            FilesWritten = sync.FilesWritten,
            PreviousLibraryName = previousLibraryName,
        };
    }

    // Brings an existing folder up to date, movie folder by movie folder.
    private MovieFolderSync Update(LibraryPlan plan, string moviesPath, CancellationToken cancellationToken)
    {
        LibraryFiles.EnsureDirectory(moviesPath);
        var sync = new MovieFolderSync(moviesPath, _files);
        sync.Apply(plan, cancellationToken);
        return sync;
    }

    // A first write builds the whole folder under a temporary name and renames it into place once, so no movie folder
    // needs a temporary name and a rename of its own (a quarter of the file system changes of a first write). A scan
    // still never sees a partial movie folder: on failure or cancellation the complete ones are put in place, as the
    // movie-by-movie path leaves them.
    private MovieFolderSync WriteFirst(LibraryPlan plan, string staging, string moviesPath, CancellationToken cancellationToken)
    {
        LibraryFiles.EnsureDirectory(staging);
        var sync = new MovieFolderSync(staging, _files, unseen: true);
        try
        {
            sync.Apply(plan, cancellationToken);
        }
        catch
        {
            TryMoveDirectory(staging, moviesPath);
            throw;
        }

        LibraryFiles.MoveDirectory(staging, moviesPath);
        return sync;
    }

    private static void TryMoveDirectory(string from, string to)
    {
        try
        {
            LibraryFiles.MoveDirectory(from, to);
        }
        catch (LibraryWriteException)
        {
            // Best effort after a failure: the next run removes the temporary folder and builds the library again.
        }
    }

    private List<string> Warnings(LibraryWriteRequest request, LibraryPlan plan, MovieFolderSync sync)
    {
        var warnings = new List<string>();
        var user = request.UserName;
        if (sync.LinkFailure is { } failure)
        {
            warnings.Add($"Library of {user}: symbolic links cannot be created under '{_root}' ({failure.InnerException?.Message}), so .strm files were written instead. Allow links on that file system, or set Aperture:Libraries:Mode to Strm to silence this.");
        }

        if (request.Server is { FollowsLocalPathStrm: false } server && sync.StrmCount > 0)
        {
            warnings.Add($"Library of {user}: {Count(sync.StrmCount)} written as .strm files, which Jellyfin {server.Version} ignores (Jellyfin 10.11.7 and later follow only http, https, rtsp and rtp URLs in .strm files), so they will not play. Set Aperture:Libraries:Mode to Symlink; the server must see the original files at the paths it reports."
                + (_options.Mode == LibraryWriteMode.Auto ? " (Auto mode writes a .strm where Aperture cannot see the original file: Aperture:Libraries:MediaPathMappings tells it where to look.)" : string.Empty));
        }

        if (plan.InvisibleLinkTargets > 0)
        {
            warnings.Add($"Library of {user}: {Count(plan.InvisibleLinkTargets)} linked to files Aperture cannot see through Aperture:Libraries:MediaPathMappings. If the media server cannot see them either, they will not play: check the mappings.");
        }

        return warnings;

        static string Count(int movies) => movies == 1 ? "1 movie was" : $"{movies.ToString(CultureInfo.InvariantCulture)} movies were";
    }

    // Finds the user's folder by the id in its marker (so a renamed user keeps their folder), renames it when the
    // name changed, or creates it. A folder in the way that Aperture did not create is never taken over unless empty.
    private (string Path, UserFolderMarker Marker, string? PreviousLibraryName) OpenUserFolder(string userId, string userName)
    {
        LibraryFiles.EnsureDirectory(_root);
        LibraryFiles.EnsureDirectory(UsersPath);
        var folderName = NameTemplate.RenderUserFolder(_options.UserFolderTemplate, userName, userId);
        var libraryName = NameTemplate.RenderLibraryName(_options.LibraryNameTemplate, userName, userId);
        var path = Path.Join(UsersPath, folderName);

        // The folder the user's name gives is read first, alone; the others only when it is not theirs (a renamed user),
        // so a run over many users reads one marker per user rather than every marker per user.
        (string Path, UserFolderMarker? Marker) current = ReadMarker(path) is { } own && own.UserId == userId ? (path, own) : default;
        if (current.Marker is null && ReadMarkers(except: path).FirstOrDefault(found => found.Marker.UserId == userId) is { Marker: not null } moved)
        {
            // A change of case only is the same folder on Windows and macOS: nothing to check there.
            if (!string.Equals(moved.Path, path, StringComparison.OrdinalIgnoreCase))
            {
                EnsureFree(path, userId);
            }

            LibraryFiles.Move(moved.Path, path);
            _logger.UserFolderRenamed(userName, moved.Path, path);
            current = (path, moved.Marker);
        }

        if (current.Marker is null)
        {
            EnsureFree(path, userId);
            LibraryFiles.EnsureDirectory(path);
        }

        var previous = current.Marker;
        var marker = new UserFolderMarker(
            UserFolderMarker.CurrentVersion,
            userId,
            userName,
            libraryName,
            previous?.CreatedAt ?? TruncateToSeconds(_timeProvider.GetUtcNow()));
        if (marker != previous)
        {
            _files.WriteFile(Path.Join(path, UserFolderMarker.FileName), JsonSerializer.SerializeToUtf8Bytes(marker, LibraryJsonContext.Default.UserFolderMarker));
        }

        var previousLibraryName = previous is not null && previous.LibraryName != libraryName ? previous.LibraryName : null;
        return (path, marker, previousLibraryName);
    }

    // The user's folder name is free, or an empty folder that can be adopted; anything else was not made by Aperture.
    private static void EnsureFree(string path, string userId)
    {
        var kind = LibraryFiles.Inspect(path);
        if (kind == EntryKind.None || (kind == EntryKind.Directory && !Directory.EnumerateFileSystemEntries(path).Any()))
        {
            return;
        }

        throw new LibraryWriteException(
            path,
            $"The library folder of user {userId} should be '{path}', but something Aperture did not create is there (no {UserFolderMarker.FileName} marker). Aperture never writes into or removes folders it did not create: move it away, or change Aperture:Libraries:UserFolderTemplate.");
    }

    private UserLibrary Describe(string userPath, UserFolderMarker marker)
    {
        var folderName = Path.GetFileName(userPath);
        return new UserLibrary(
            marker.UserId,
            marker.UserName,
            marker.LibraryName,
            Path.Join(userPath, MoviesFolderName),
            ServerPaths.Join(_serverRoot, UsersFolderName, folderName, MoviesFolderName));
    }

    // The user folders Aperture created: real folders (never links) directly under users/ with a readable marker.
    private List<(string Path, UserFolderMarker Marker)> ReadMarkers(string? except = null)
    {
        var found = new List<(string, UserFolderMarker)>();
        if (LibraryFiles.Inspect(UsersPath) != EntryKind.Directory)
        {
            return found;
        }

        foreach (var folder in Directory.EnumerateDirectories(UsersPath))
        {
            if (folder != except && ReadMarker(folder) is { } marker)
            {
                found.Add((folder, marker));
            }
        }

        return found;
    }

    // The marker of a real folder (never a link), or null when there is none or it cannot be read (logged).
    private UserFolderMarker? ReadMarker(string folder)
    {
        var markerPath = Path.Join(folder, UserFolderMarker.FileName);
        if (LibraryFiles.Inspect(folder) != EntryKind.Directory || LibraryFiles.Inspect(markerPath) != EntryKind.File)
        {
            return null;
        }

        try
        {
            if (new FileInfo(markerPath).Length <= MaxMarkerBytes
                && JsonSerializer.Deserialize(File.ReadAllBytes(markerPath), LibraryJsonContext.Default.UserFolderMarker) is { UserId.Length: > 0 } marker)
            {
                return marker;
            }

            _logger.MarkerUnreadable(markerPath, new InvalidDataException("The marker is empty, too large, or has no user id."));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            _logger.MarkerUnreadable(markerPath, exception);
        }

        return null;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
