using Aperture.Catalog;
using Aperture.MediaServers;

namespace Aperture.Testing;

/// <summary>
/// The emulator's catalogue: libraries, movies, users and their data, behind one lock. Listings read an immutable,
/// sorted snapshot that is rebuilt only after a change, so concurrent page requests never contend.
/// </summary>
internal sealed class EmulatorState
{
    private readonly Lock _gate = new();
    private readonly List<EmulatorLibrary> _libraries = [];
    private readonly Dictionary<string, EmulatorMovie> _movies = new(StringComparer.Ordinal);
    private readonly List<EmulatorUser> _users = [];
    private readonly List<string> _refreshed = [];
    private EmulatorMovie[]? _sorted;

    public EmulatorState(MediaServerKind kind, EmulatorIds ids, EmulatorItemWriter writer, TimeProvider timeProvider)
    {
        Kind = kind;
        Ids = ids;
        Writer = writer;
        TimeProvider = timeProvider;
    }

    public MediaServerKind Kind { get; }

    public EmulatorIds Ids { get; }

    public EmulatorItemWriter Writer { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Runs <paramref name="action"/> under the lock (for compound reads and writes).</summary>
    public T Locked<T>(Func<EmulatorState, T> action)
    {
        lock (_gate)
        {
            return action(this);
        }
    }

    /// <summary>Every movie, sorted by sort name then id (the order <c>SortBy=SortName</c> pages through).</summary>
    public EmulatorMovie[] SortedMovies()
    {
        lock (_gate)
        {
            return _sorted ??= [.. _movies.Values
                .OrderBy(m => m.SortKey, StringComparer.OrdinalIgnoreCase)
                .ThenBy(m => m.Id, StringComparer.Ordinal)];
        }
    }

    // The members below are called with the lock held (through Locked) or take it themselves.
    public IReadOnlyList<EmulatorLibrary> Libraries => _libraries;

    public IReadOnlyList<EmulatorUser> Users => _users;

    public IReadOnlyList<string> Refreshed
    {
        get
        {
            lock (_gate)
            {
                return [.. _refreshed];
            }
        }
    }

    public EmulatorLibrary AddLibrary(string? itemId, string name, string? collectionType, IEnumerable<string> locations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            if (_libraries.Any(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"A library named '{name}' already exists.");
            }

            var library = new EmulatorLibrary
            {
                ItemId = string.IsNullOrWhiteSpace(itemId) ? Ids.NewItemId() : itemId,
                VirtualFolderId = Kind == MediaServerKind.Emby ? Ids.NewItemId() : string.Empty,
                Guid = Ids.NewHex(),
                Name = name,
                CollectionType = collectionType,
            };
            library.Locations.AddRange(locations);
            _libraries.Add(library);
            return library;
        }
    }

    public bool RemoveLibrary(EmulatorLibrary library)
    {
        lock (_gate)
        {
            return _libraries.Remove(library);
        }
    }

    public bool RemoveLibraryAndMovies(string libraryId)
    {
        lock (_gate)
        {
            if (_libraries.FirstOrDefault(l => SameId(l.ItemId, libraryId)) is not { } library)
            {
                return false;
            }

            _libraries.Remove(library);
            foreach (var movie in _movies.Values.Where(m => m.LibraryId == library.ItemId).ToList())
            {
                _movies.Remove(movie.Id);
            }

            _sorted = null;
            return true;
        }
    }

    public EmulatorLibrary? FindLibrary(Func<EmulatorLibrary, bool> predicate)
    {
        lock (_gate)
        {
            return _libraries.FirstOrDefault(predicate);
        }
    }

    public EmulatorLibrary FindLibraryByItemId(string libraryId) =>
        FindLibrary(l => SameId(l.ItemId, libraryId))
        ?? throw new KeyNotFoundException($"The emulator has no library with id '{libraryId}'.");

    public IReadOnlyList<Movie> AddMovies(string libraryId, IEnumerable<Movie> movies)
    {
        ArgumentNullException.ThrowIfNull(movies);
        var library = FindLibraryByItemId(libraryId);
        var added = new List<Movie>();
        var stored = new List<EmulatorMovie>();
        foreach (var movie in movies)
        {
            var serverId = string.IsNullOrWhiteSpace(movie.ServerId) ? Ids.NewItemId() : movie.ServerId;
            var seeded = movie with { Id = Guid.Empty, ServerId = serverId, LibraryId = library.ItemId, RemovedAt = null };
            stored.Add(Writer.Create(seeded, TimeProvider.GetUtcNow()));
            added.Add(seeded);
        }

        lock (_gate)
        {
            foreach (var movie in stored)
            {
                if (!_movies.TryAdd(movie.Id, movie))
                {
                    throw new InvalidOperationException($"The emulator already has an item with id '{movie.Id}'.");
                }
            }

            _sorted = null;
        }

        return added;
    }

    public Movie UpdateMovie(Movie movie)
    {
        ArgumentNullException.ThrowIfNull(movie);
        lock (_gate)
        {
            if (!_movies.TryGetValue(movie.ServerId, out var existing))
            {
                throw new KeyNotFoundException($"The emulator has no movie with id '{movie.ServerId}'.");
            }

            var updated = movie with { Id = Guid.Empty, LibraryId = movie.LibraryId ?? existing.LibraryId, RemovedAt = null };
            _movies[movie.ServerId] = Writer.Create(updated, TimeProvider.GetUtcNow());
            _sorted = null;
            return updated;
        }
    }

    public bool RemoveMovie(string serverId)
    {
        lock (_gate)
        {
            _sorted = null;
            return _movies.Remove(serverId);
        }
    }

    public EmulatorMovie? FindMovie(string serverId)
    {
        lock (_gate)
        {
            return _movies.GetValueOrDefault(serverId);
        }
    }

    public EmulatorUser AddUser(MediaUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            var stored = new EmulatorUser
            {
                Id = string.IsNullOrWhiteSpace(user.Id) ? Ids.NewHex() : user.Id,
                Name = user.Name,
                IsDisabled = user.IsDisabled,
                IsAdministrator = user.IsAdministrator,
                MaxParentalRating = user.MaxParentalRating,
                EnableAllFolders = user.HasAccessToAllLibraries,
                EnabledFolders = [.. user.LibraryIds.Select(id => FolderValue(FindLibraryByItemIdLocked(id)))],
            };
            if (_users.Any(u => SameId(u.Id, stored.Id)))
            {
                throw new InvalidOperationException($"The emulator already has a user with id '{stored.Id}'.");
            }

            _users.Add(stored);
            return stored;
        }
    }

    public EmulatorUser FindUser(string userId)
    {
        lock (_gate)
        {
            return _users.FirstOrDefault(u => SameId(u.Id, userId))
                ?? throw new KeyNotFoundException($"The emulator has no user with id '{userId}'.");
        }
    }

    public EmulatorUser? TryFindUser(string userId)
    {
        lock (_gate)
        {
            return _users.FirstOrDefault(u => SameId(u.Id, userId));
        }
    }

    public void SetUserData(string userId, string itemId, EmulatorUserData? data)
    {
        lock (_gate)
        {
            var user = _users.FirstOrDefault(u => SameId(u.Id, userId))
                ?? throw new KeyNotFoundException($"The emulator has no user with id '{userId}'.");
            if (data is null)
            {
                user.Data.Remove(itemId);
            }
            else
            {
                user.Data[itemId] = data;
            }
        }
    }

    public void RecordRefresh(string itemId)
    {
        lock (_gate)
        {
            _refreshed.Add(itemId);
        }
    }

    /// <summary>Projects a stored library into the public record.</summary>
    public static MediaLibrary ToRecord(EmulatorLibrary library) =>
        new(library.ItemId, library.Name, library.CollectionType, [.. library.Locations]);

    /// <summary>Projects a stored user into the public record; <c>EnabledFolders</c> values that name no library are left out, as the servers ignore them.</summary>
    public MediaUser ToRecord(EmulatorUser user)
    {
        lock (_gate)
        {
            return new MediaUser
            {
                Id = user.Id,
                Name = user.Name,
                IsDisabled = user.IsDisabled,
                IsAdministrator = user.IsAdministrator,
                MaxParentalRating = user.MaxParentalRating,
                HasAccessToAllLibraries = user.EnableAllFolders,
                LibraryIds = [.. user.EnabledFolders.Select(ResolveFolderLocked).OfType<EmulatorLibrary>().Select(l => l.ItemId)],
            };
        }
    }

    /// <summary>Whether <paramref name="user"/> can see items of <paramref name="libraryId"/>.</summary>
    public bool CanAccess(EmulatorUser user, string libraryId)
    {
        if (user.EnableAllFolders)
        {
            return true;
        }

        lock (_gate)
        {
            return user.EnabledFolders.Select(ResolveFolderLocked).Any(l => l is not null && l.ItemId == libraryId);
        }
    }

    /// <summary>The value a user policy's <c>EnabledFolders</c> holds for a library: Jellyfin the item id, Emby the guid.</summary>
    public string FolderValue(EmulatorLibrary library) => Kind == MediaServerKind.Emby ? library.Guid : library.ItemId;

    /// <summary>Compares ids the way the dialect does: Jellyfin guids in any format, Emby strings exactly.</summary>
    public bool SameId(string a, string b) =>
        Kind == MediaServerKind.Jellyfin && System.Guid.TryParse(a, out var x) && System.Guid.TryParse(b, out var y)
            ? x == y
            : string.Equals(a, b, StringComparison.Ordinal);

    private EmulatorLibrary FindLibraryByItemIdLocked(string libraryId) =>
        _libraries.FirstOrDefault(l => SameId(l.ItemId, libraryId))
        ?? throw new KeyNotFoundException($"The emulator has no library with id '{libraryId}'.");

    private EmulatorLibrary? ResolveFolderLocked(string value) =>
        _libraries.FirstOrDefault(l => SameId(FolderValue(l), value));
}
