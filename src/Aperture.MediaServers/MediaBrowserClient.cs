using System.Runtime.CompilerServices;
using Aperture.Catalog;
using Aperture.MediaServers.Wire;
using Microsoft.Extensions.Logging;

namespace Aperture.MediaServers;

/// <summary>
/// The core both dialects share through their MediaBrowser heritage: the <c>/Items</c> listing and its concurrent,
/// ordered, verified paging; watch states; the library-management flow; mapping. A dialect supplies its routes,
/// parameter case, fields and request bodies.
/// </summary>
internal abstract class MediaBrowserClient : IMediaServerClient
{
    // Ids per existence lookup: 100 32-hex ids keep the URL near 3.3 kB, well inside servers' limits.
    private const int ExistenceBatchSize = 100;

    private readonly MediaServerOptions _options;

    protected MediaBrowserClient(MediaServerTransport transport, MediaServerOptions options, ILogger logger)
    {
        Transport = transport;
        _options = options;
        Logger = logger;
    }

    /// <summary>The dialect.</summary>
    protected abstract MediaServerKind Kind { get; }

    /// <summary>Whether query parameters are written in camelCase (Jellyfin's documented form) rather than PascalCase (Emby's).</summary>
    protected abstract bool CamelCaseParameters { get; }

    /// <summary>The <c>Fields</c> value of the movie listing: everything <see cref="Movie"/> maps.</summary>
    protected abstract string MovieFields { get; }

    /// <summary>The <c>Fields</c> value of a user's listings.</summary>
    protected abstract string WatchStateFields { get; }

    /// <summary>
    /// Whether the server filters <c>MinDateLastSavedForUser</c> by the user's data, as its name says. Jellyfin
    /// (10.10, 10.11) compares it with the item's own save date, which a play does not change, so it is of no use
    /// there; Emby's own Kodi add-on syncs incrementally with it.
    /// </summary>
    protected abstract bool HonoursUserSavedSince { get; }

    protected MediaServerTransport Transport { get; }

    protected ILogger Logger { get; }

    /// <summary>Reads the server's libraries (virtual folders).</summary>
    protected abstract Task<IReadOnlyList<VirtualFolderDto>> GetVirtualFoldersAsync(CancellationToken cancellationToken);

    /// <summary>Reads the server's users.</summary>
    protected abstract Task<IReadOnlyList<UserDto>> GetUserDtosAsync(CancellationToken cancellationToken);

    /// <summary>Starts a query of one user's items (recursive, movies only, no sort).</summary>
    protected abstract QueryBuilder UserItemsQuery(string userId);

    /// <summary>Starts a query of one user's resume list (movies only).</summary>
    protected abstract QueryBuilder ResumeQuery(string userId);

    /// <summary>The value a user policy's <c>EnabledFolders</c> holds for <paramref name="folder"/>.</summary>
    protected abstract string PolicyFolderValue(VirtualFolderDto folder);

    /// <summary>Creates a movies library <paramref name="name"/> with one folder <paramref name="path"/>, without a scan.</summary>
    protected abstract Task CreateLibraryAsync(string name, string path, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="path"/> to <paramref name="folder"/>, without a scan.</summary>
    protected abstract Task AddLibraryPathAsync(VirtualFolderDto folder, string path, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="folder"/>, without a scan.</summary>
    protected abstract Task DeleteLibraryAsync(VirtualFolderDto folder, CancellationToken cancellationToken);

    /// <summary>The request that scans one library.</summary>
    protected abstract QueryBuilder RefreshQuery(string libraryId);

    /// <inheritdoc />
    public async Task<MediaServerInfo> GetServerInfoAsync(CancellationToken cancellationToken = default)
    {
        var info = await Transport.GetAsync("System/Info", MediaBrowserJsonContext.Default.SystemInfoDto, cancellationToken).ConfigureAwait(false);
        var result = new MediaServerInfo(info.Id ?? string.Empty, info.ServerName ?? string.Empty, Kind, info.Version ?? string.Empty);
        Logger.Connected(Kind, result.Name, result.Version, Transport.DisplayUrl);
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MediaLibrary>> GetLibrariesAsync(CancellationToken cancellationToken = default)
    {
        var folders = await GetVirtualFoldersAsync(cancellationToken).ConfigureAwait(false);
        return [.. folders.Where(f => LibraryIdOf(f) is not null).Select(ToLibrary)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MediaUser>> GetUsersAsync(CancellationToken cancellationToken = default)
    {
        var users = await GetUserDtosAsync(cancellationToken).ConfigureAwait(false);
        var folders = users.Any(u => u.Policy is { EnableAllFolders: false, EnabledFolders.Count: > 0 })
            ? await GetVirtualFoldersAsync(cancellationToken).ConfigureAwait(false)
            : [];
        return [.. users.Where(u => !string.IsNullOrEmpty(u.Id)).Select(u => ToUser(u, folders))];
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Movie> GetMoviesAsync(string libraryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(libraryId);
        var query = Query("Items")
            .Add("ParentId", libraryId)
            .Add("Recursive", true)
            .Add("IncludeItemTypes", "Movie")
            .Add("Fields", MovieFields)
            .Add("SortBy", "SortName")
            .Add("SortOrder", "Ascending");
        return MapMoviesAsync(PageAsync(query, cancellationToken), libraryId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetExistingItemIdsAsync(IReadOnlyCollection<string> serverIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serverIds);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in serverIds.Distinct(StringComparer.Ordinal).Chunk(ExistenceBatchSize))
        {
            var query = Query("Items").Add("Ids", string.Join(',', batch)).Add("Recursive", true).Add("IncludeItemTypes", "Movie");
            await foreach (var item in PageAsync(query, cancellationToken).ConfigureAwait(false))
            {
                existing.Add(item.Id!);
            }
        }

        return existing;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MediaWatchState>> GetWatchStatesAsync(string userId, DateTimeOffset? changedSince, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var merger = new WatchStateMerger();
        var favourites = UserItemsQuery(userId).Add("IsFavorite", true).Add("SortBy", "SortName").Add("SortOrder", "Ascending");
        if (changedSince is { } since)
        {
            // Played since then (most recent first, read until the first older play), plus the favourites and the
            // resume list, which are short. Un-plays and un-favourites are left to a full read.
            var played = UserItemsQuery(userId).Add("IsPlayed", true).Add("SortBy", "DatePlayed").Add("SortOrder", "Descending");
            await AddStatesAsync(merger, played, cancellationToken, stopBefore: since).ConfigureAwait(false);
            await AddStatesAsync(merger, favourites, cancellationToken).ConfigureAwait(false);
            await AddStatesAsync(merger, ResumeQuery(userId), cancellationToken).ConfigureAwait(false);
            if (HonoursUserSavedSince)
            {
                await AddStatesAsync(merger, UserItemsQuery(userId).Add("MinDateLastSavedForUser", since).Add("SortBy", "SortName").Add("SortOrder", "Ascending"), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await AddStatesAsync(merger, UserItemsQuery(userId).Add("IsPlayed", true).Add("SortBy", "SortName").Add("SortOrder", "Ascending"), cancellationToken).ConfigureAwait(false);
            await AddStatesAsync(merger, favourites, cancellationToken).ConfigureAwait(false);
            await AddStatesAsync(merger, ResumeQuery(userId), cancellationToken).ConfigureAwait(false);
        }

        var states = merger.States;
        Logger.WatchStatesRead(states.Count, userId, changedSince is null ? "all" : "changed since the last sync");
        return states;
    }

    /// <inheritdoc />
    public async Task<MediaLibrary> EnsureMovieLibraryAsync(string name, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = FindByName(await GetVirtualFoldersAsync(cancellationToken).ConfigureAwait(false), name);
        if (folder is null)
        {
            await CreateLibraryAsync(name, path, cancellationToken).ConfigureAwait(false);
            Logger.LibraryCreated(name, path);
        }
        else
        {
            if (!string.Equals(folder.CollectionType, "movies", StringComparison.OrdinalIgnoreCase))
            {
                throw new MediaServerException(
                    $"The media server at {Transport.DisplayUrl} already has a library named '{name}' of type '{folder.CollectionType ?? "mixed"}'. Aperture needs a movies library of that name: rename or remove the existing one.");
            }

            if ((folder.Locations ?? []).Any(location => SamePath(location, path)))
            {
                return ToLibrary(folder);
            }

            await AddLibraryPathAsync(folder, path, cancellationToken).ConfigureAwait(false);
            Logger.LibraryPathAdded(name, path);
        }

        folder = FindByName(await GetVirtualFoldersAsync(cancellationToken).ConfigureAwait(false), name)
            ?? throw new MediaServerResponseException($"The media server at {Transport.DisplayUrl} accepted the library '{name}' but does not list it.");
        return ToLibrary(folder);
    }

    /// <inheritdoc />
    public async Task GrantLibraryAccessAsync(string userId, string libraryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(libraryId);
        var user = await Transport.GetAsync(Query($"Users/{Uri.EscapeDataString(userId)}").ToString(), MediaBrowserJsonContext.Default.UserDto, cancellationToken).ConfigureAwait(false);
        var policy = user.Policy
            ?? throw new MediaServerResponseException($"The media server at {Transport.DisplayUrl} sent user {userId} without a policy.");
        if (policy.EnableAllFolders)
        {
            Logger.AccessUnchanged(userId, libraryId, " (the user can access every library)");
            return;
        }

        var folders = await GetVirtualFoldersAsync(cancellationToken).ConfigureAwait(false);
        var folder = folders.FirstOrDefault(f => LibraryIdOf(f) is { } id && SameId(id, libraryId))
            ?? throw new MediaServerException($"The media server at {Transport.DisplayUrl} has no library with id '{libraryId}'.");
        var value = PolicyFolderValue(folder);
        var enabled = policy.EnabledFolders ?? [];
        if (enabled.Any(existing => SameId(existing, value)))
        {
            Logger.AccessUnchanged(userId, libraryId, string.Empty);
            return;
        }

        policy.EnabledFolders = [.. enabled, value];
        await Transport.SendAsync(
            HttpMethod.Post,
            Query($"Users/{Uri.EscapeDataString(userId)}/Policy").ToString(),
            MediaServerTransport.Json(policy, MediaBrowserJsonContext.Default.UserPolicyDto),
            cancellationToken).ConfigureAwait(false);
        Logger.AccessGranted(userId, libraryId);
    }

    /// <inheritdoc />
    public async Task RemoveLibraryAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (FindByName(await GetVirtualFoldersAsync(cancellationToken).ConfigureAwait(false), name) is { } folder)
        {
            await DeleteLibraryAsync(folder, cancellationToken).ConfigureAwait(false);
            Logger.LibraryRemoved(name);
        }
    }

    /// <inheritdoc />
    public async Task RefreshLibraryAsync(string libraryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(libraryId);
        await Transport.SendAsync(HttpMethod.Post, RefreshQuery(libraryId).ToString(), content: null, cancellationToken).ConfigureAwait(false);
        Logger.RefreshRequested(libraryId);
    }

    /// <summary>Starts a request URI with the dialect's parameter case.</summary>
    protected QueryBuilder Query(string path) => new(path, CamelCaseParameters);

    /// <summary>The library's item id (the <c>ParentId</c> of its movies).</summary>
    protected static string? LibraryIdOf(VirtualFolderDto folder) => folder.ItemId ?? folder.Id;

    /// <summary>Compares ids: guids in any format (Jellyfin writes them without dashes), anything else exactly.</summary>
    protected static bool SameId(string a, string b) =>
        Guid.TryParse(a, out var x) && Guid.TryParse(b, out var y) ? x == y : string.Equals(a, b, StringComparison.Ordinal);

    private async IAsyncEnumerable<Movie> MapMoviesAsync(IAsyncEnumerable<BaseItemDto> items, string libraryId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return MovieMapper.ToMovie(item, libraryId, Transport.BaseUri);
        }
    }

    /// <summary>Reads a user listing into <paramref name="merger"/>; with <paramref name="stopBefore"/>, stops at the first item last played before it (the listing is most recent first).</summary>
    private async Task AddStatesAsync(WatchStateMerger merger, QueryBuilder query, CancellationToken cancellationToken, DateTimeOffset? stopBefore = null)
    {
        query.Add("Fields", WatchStateFields);
        await foreach (var item in PageAsync(query, cancellationToken).ConfigureAwait(false))
        {
            var state = MovieMapper.ToWatchState(item);
            if (state.LastPlayedAt < stopBefore)
            {
                break;
            }

            merger.Add(state);
        }
    }

    /// <summary>
    /// Reads every page of a listing: the first page alone (it says how many there are), then up to
    /// <see cref="MediaServerOptions.MaxConcurrentPages"/> at once, yielded strictly in order, so memory holds a few
    /// pages at most. Completes only when the listing was read whole and unchanged: a page that is short, a total that
    /// changes, or an item seen twice throws <see cref="MediaServerResponseException"/>.
    /// </summary>
    private async IAsyncEnumerable<BaseItemDto> PageAsync(QueryBuilder query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = _options.PageSize;
        var endpoint = MediaServerTransport.Describe(HttpMethod.Get, query.ToString());
        var first = await FetchPageAsync(query, 0, pageSize, cancellationToken).ConfigureAwait(false);
        var total = first.TotalRecordCount;
        var pageCount = (int)((total + (long)pageSize - 1) / pageSize);
        Logger.Listing(endpoint, total, pageCount, pageSize, _options.MaxConcurrentPages);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Verify(first, 0))
        {
            yield return item;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<QueryResultDto<BaseItemDto>>>();
        var next = 1;
        try
        {
            for (var page = 1; page < pageCount; page++)
            {
                while (next < pageCount && inFlight.Count < _options.MaxConcurrentPages)
                {
                    inFlight.Enqueue(FetchPageAsync(query, next++, pageSize, stop.Token));
                }

                var result = await inFlight.Dequeue().ConfigureAwait(false);
                foreach (var item in Verify(result, page))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            // An abandoned listing (an error, or a consumer that stopped early) must not leave requests running.
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)Task.WhenAll(inFlight)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (seen.Count != total)
        {
            throw Inconsistent(endpoint, $"{seen.Count} distinct items were listed but the server reported {total}");
        }

        List<BaseItemDto> Verify(QueryResultDto<BaseItemDto> page, int index)
        {
            var items = page.Items ?? [];
            var expected = pageCount == 0 ? 0 : index < pageCount - 1 ? pageSize : total - (pageSize * (pageCount - 1));
            if (page.TotalRecordCount != total)
            {
                throw Inconsistent(endpoint, $"the total changed from {total} to {page.TotalRecordCount} at page {index + 1} of {pageCount}");
            }

            if (items.Count != expected)
            {
                throw Inconsistent(endpoint, $"page {index + 1} of {pageCount} held {items.Count} items instead of {expected}");
            }

            foreach (var item in items)
            {
                if (string.IsNullOrEmpty(item.Id))
                {
                    throw Inconsistent(endpoint, $"page {index + 1} held an item without an id");
                }

                if (!seen.Add(item.Id))
                {
                    throw Inconsistent(endpoint, $"item {item.Id} was listed twice, so another was skipped");
                }
            }

            return items;
        }
    }

    private Task<QueryResultDto<BaseItemDto>> FetchPageAsync(QueryBuilder query, int page, int pageSize, CancellationToken cancellationToken) =>
        Transport.GetAsync(
            query.Clone().Add("StartIndex", page * pageSize).Add("Limit", pageSize).ToString(),
            MediaBrowserJsonContext.Default.QueryResultDtoBaseItemDto,
            cancellationToken);

    private MediaServerResponseException Inconsistent(string endpoint, string problem)
    {
        Logger.ListingInconsistent(endpoint, problem);
        return new MediaServerResponseException(
            $"The listing {endpoint} from the media server at {Transport.DisplayUrl} is incomplete or changed while it was read: {problem}. It was not used; run again when the library is not being scanned.");
    }

    private static MediaLibrary ToLibrary(VirtualFolderDto folder) =>
        new(LibraryIdOf(folder)!, folder.Name ?? string.Empty, NullIfBlank(folder.CollectionType), folder.Locations ?? []);

    private MediaUser ToUser(UserDto user, IReadOnlyList<VirtualFolderDto> folders)
    {
        var policy = user.Policy;
        return new MediaUser
        {
            Id = user.Id!,
            Name = user.Name ?? user.Id!,
            IsDisabled = policy?.IsDisabled ?? false,
            IsAdministrator = policy?.IsAdministrator ?? false,
            MaxParentalRating = policy?.MaxParentalRating,
            HasAccessToAllLibraries = policy?.EnableAllFolders ?? true,
            LibraryIds = [.. (policy?.EnabledFolders ?? []).Select(value =>
                folders.FirstOrDefault(f => SameId(PolicyFolderValue(f), value)) is { } folder ? LibraryIdOf(folder)! : value)],
        };
    }

    private static VirtualFolderDto? FindByName(IReadOnlyList<VirtualFolderDto> folders, string name) =>
        folders.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    private static bool SamePath(string a, string b) =>
        string.Equals(a.TrimEnd('/', '\\'), b.TrimEnd('/', '\\'), StringComparison.Ordinal);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
