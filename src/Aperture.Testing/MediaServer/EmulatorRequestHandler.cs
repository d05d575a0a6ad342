using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Aperture.MediaServers;
using Microsoft.AspNetCore.Http;

namespace Aperture.Testing;

/// <summary>
/// Answers the emulator's HTTP requests: authenticates, applies faults, routes each dialect's endpoints, writes
/// the servers' JSON and records what it received.
/// </summary>
internal sealed class EmulatorRequestHandler
{
    private static readonly byte[] s_malformed = "{\"Items\":[{\"Name\":\"Broken\",,}],\"TotalRecordCount\":"u8.ToArray();
    private readonly MediaServerEmulator _emulator;
    private readonly EmulatorState _state;
    private readonly EmulatorResponses _responses;
    private readonly EmulatorFaults _faults;
    private readonly EmulatorRequestLog _log;
    private readonly string _apiKey;
    private int _inFlight;
    private int _peakInFlight;

    public EmulatorRequestHandler(MediaServerEmulator emulator, EmulatorState state, EmulatorResponses responses, EmulatorFaults faults, EmulatorRequestLog log, string apiKey)
    {
        _emulator = emulator;
        _state = state;
        _responses = responses;
        _faults = faults;
        _log = log;
        _apiKey = apiKey;
    }

    private bool IsEmby => _state.Kind == MediaServerKind.Emby;

    /// <summary>The most requests that were being answered at the same time since the last reset.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    public void ResetPeak() => Volatile.Write(ref _peakInFlight, 0);

    public async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var peak = PeakInFlight; inFlight > peak && Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak) != peak; peak = PeakInFlight)
        {
        }

        try
        {
            await AnswerAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var route = IsEmby && (path.Equals("/emby", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/emby/", StringComparison.OrdinalIgnoreCase))
            ? path[5..]
            : path;
        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        var (endpoint, routeId) = Classify(request.Method, route, request.Query);
        var page = PageOf(endpoint, request.Query);

        Reply reply;
        var faults = _faults.Take(endpoint, page);
        try
        {
            if (_emulator.Latency > TimeSpan.Zero)
            {
                await Task.Delay(_emulator.Latency, context.RequestAborted).ConfigureAwait(false);
            }

            foreach (var fault in faults.Where(f => f.Kind == EmulatorFaultKind.Latency))
            {
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            _log.Add(request, path, route, body, endpoint, 499);
            return;
        }

        if (faults.Any(f => f.Kind == EmulatorFaultKind.Disconnect))
        {
            _log.Add(request, path, route, body, endpoint, 0);
            context.Abort();
            return;
        }

        var statusFault = faults.FirstOrDefault(f => f.Kind == EmulatorFaultKind.Status);
        if (statusFault is not null)
        {
            reply = Reply.Status(statusFault.StatusCode);
            if (statusFault.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }
        }
        else if (endpoint != EmulatorEndpoint.SystemInfo && !IsAuthorized(request))
        {
            reply = IsEmby ? Reply.Text(401, "Access token is invalid or expired.") : Reply.Status(401);
        }
        else
        {
            reply = Handle(endpoint, routeId, request, body);
            if (reply.StatusCode == 200 && faults.Any(f => f.Kind == EmulatorFaultKind.MalformedJson))
            {
                reply = reply with { Body = s_malformed };
            }
            else if (reply.StatusCode == 200 && faults.Any(f => f.Kind == EmulatorFaultKind.TruncatedBody))
            {
                reply = reply with { Body = reply.Body[..(reply.Body.Length / 2)] };
            }
        }

        _log.Add(request, path, route, body, endpoint, reply.StatusCode);
        foreach (var change in faults.Where(f => f.Kind == EmulatorFaultKind.ChangeCatalog))
        {
            // Applied before the page goes out, so every page requested after this one sees the new catalogue.
            change.Change!(_emulator);
        }

        using var owner = reply.Owner;
        var response = context.Response;
        response.StatusCode = reply.StatusCode;
        if (!reply.Body.IsEmpty)
        {
            response.ContentType = reply.ContentType;
            response.ContentLength = reply.Body.Length;
            await response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any()))
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        return text.Length == 0 ? null : text;
    }

    private (EmulatorEndpoint Endpoint, string? Id) Classify(string method, string route, IQueryCollection query)
    {
        var segments = route.Trim('/').Split('/');
        static bool Is(string segment, string name) => segment.Equals(name, StringComparison.OrdinalIgnoreCase);
        var get = HttpMethods.IsGet(method);
        var post = HttpMethods.IsPost(method);

        return segments switch
        {
            [var s, var i] when get && Is(s, "System") && Is(i, "Info") => (EmulatorEndpoint.SystemInfo, null),
            [var s, var i, var p] when get && Is(s, "System") && Is(i, "Info") && Is(p, "Public") => (EmulatorEndpoint.SystemInfo, null),
            [var l, var v] when get && !IsEmby && Is(l, "Library") && Is(v, "VirtualFolders") => (EmulatorEndpoint.Libraries, null),
            [var l, var v, var q] when get && IsEmby && Is(l, "Library") && Is(v, "VirtualFolders") && Is(q, "Query") => (EmulatorEndpoint.Libraries, null),
            [var l, var v] when post && Is(l, "Library") && Is(v, "VirtualFolders") => (EmulatorEndpoint.CreateLibrary, null),
            [var l, var v] when HttpMethods.IsDelete(method) && !IsEmby && Is(l, "Library") && Is(v, "VirtualFolders") => (EmulatorEndpoint.RemoveLibrary, null),
            [var l, var v, var d] when post && IsEmby && Is(l, "Library") && Is(v, "VirtualFolders") && Is(d, "Delete") => (EmulatorEndpoint.RemoveLibrary, null),
            [var l, var v, var p] when post && Is(l, "Library") && Is(v, "VirtualFolders") && Is(p, "Paths") => (EmulatorEndpoint.AddLibraryPath, null),
            [var u] when get && !IsEmby && Is(u, "Users") => (EmulatorEndpoint.Users, null),
            [var u, var q] when get && IsEmby && Is(u, "Users") && Is(q, "Query") => (EmulatorEndpoint.Users, null),
            [var u, var id] when get && Is(u, "Users") => (EmulatorEndpoint.User, id),
            [var u, var id, var p] when post && Is(u, "Users") && Is(p, "Policy") => (EmulatorEndpoint.UpdateUserPolicy, id),
            [var i] when get && Is(i, "Items") => (query.ContainsKey("userId") ? EmulatorEndpoint.UserItems : EmulatorEndpoint.Movies, query["userId"].ToString()),
            [var u, var id, var i] when get && Is(u, "Users") && Is(i, "Items") => (EmulatorEndpoint.UserItems, id),
            [var u, var id, var i, var r] when get && Is(u, "Users") && Is(i, "Items") && Is(r, "Resume") => (EmulatorEndpoint.Resume, id),
            [var u, var r] when get && !IsEmby && Is(u, "UserItems") && Is(r, "Resume") => (EmulatorEndpoint.Resume, query["userId"].ToString()),
            [var i, var id, var r] when post && Is(i, "Items") && Is(r, "Refresh") => (EmulatorEndpoint.RefreshItem, id),
            _ => (EmulatorEndpoint.Unknown, null),
        };
    }

    private static int? PageOf(EmulatorEndpoint endpoint, IQueryCollection query)
    {
        if (endpoint is not (EmulatorEndpoint.Movies or EmulatorEndpoint.UserItems or EmulatorEndpoint.Resume))
        {
            return null;
        }

        var start = IntParameter(query, "StartIndex") ?? 0;
        var limit = IntParameter(query, "Limit");
        return limit is > 0 ? start / limit.Value : 0;
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var token = TokenOf(request.Headers.Authorization.ToString())
            ?? TokenOf(request.Headers["X-Emby-Authorization"].ToString())
            ?? NonEmpty(request.Headers["X-Emby-Token"].ToString())
            ?? NonEmpty(request.Headers["X-MediaBrowser-Token"].ToString())
            ?? NonEmpty(request.Query["api_key"].ToString())
            ?? NonEmpty(request.Query["ApiKey"].ToString());
        return token is not null && string.Equals(token, _apiKey, StringComparison.Ordinal);

        static string? NonEmpty(string value) => value.Length == 0 ? null : value;
    }

    /// <summary>Reads <c>Token</c> from a <c>MediaBrowser Client="…", …, Token="…"</c> header.</summary>
    internal static string? TokenOf(string header)
    {
        const string scheme = "MediaBrowser ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var part in header[scheme.Length..].Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals("Token", StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(part[(equals + 1)..].Trim().Trim('"'));
            }
        }

        return null;
    }

    private Reply Handle(EmulatorEndpoint endpoint, string? id, HttpRequest request, string? body)
    {
        try
        {
            return endpoint switch
            {
                EmulatorEndpoint.SystemInfo => Json(w => _responses.WriteSystemInfo(w, _emulator.BaseUrl)),
                EmulatorEndpoint.Libraries => Json(_responses.WriteLibraries),
                EmulatorEndpoint.Users => Json(_responses.WriteUsers),
                EmulatorEndpoint.User => _state.TryFindUser(id!) is { } user ? Json(w => _responses.WriteUser(w, user)) : Reply.Status(404),
                EmulatorEndpoint.Movies => ItemPage(request.Query, null, resume: false),
                EmulatorEndpoint.UserItems or EmulatorEndpoint.Resume => string.IsNullOrEmpty(id) || _state.TryFindUser(id) is not { } itemUser
                    ? Reply.Status(IsEmby ? 404 : 400)
                    : ItemPage(request.Query, itemUser, resume: endpoint == EmulatorEndpoint.Resume),
                EmulatorEndpoint.CreateLibrary => CreateLibrary(request.Query, Parse(body)),
                EmulatorEndpoint.AddLibraryPath => AddLibraryPath(Parse(body)),
                EmulatorEndpoint.RemoveLibrary => RemoveLibrary(request.Query, Parse(body)),
                EmulatorEndpoint.UpdateUserPolicy => UpdatePolicy(id!, Parse(body)),
                EmulatorEndpoint.RefreshItem => Refresh(id!),
                _ => Reply.Status(404),
            };
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return Reply.Text(400, exception.Message);
        }
    }

    private Reply ItemPage(IQueryCollection query, EmulatorUser? user, bool resume)
    {
        var fields = EmulatorItemFieldsParser.Parse(query["Fields"].ToString());
        var parentId = query["ParentId"].ToString();
        var library = parentId.Length == 0 ? null : _state.FindLibrary(l => _state.SameId(l.ItemId, parentId));
        var types = query["IncludeItemTypes"].ToString();
        var recursive = BoolParameter(query, "Recursive") == true;
        var isPlayed = BoolParameter(query, "IsPlayed");
        var isFavorite = BoolParameter(query, "IsFavorite");
        var savedSince = query["MinDateLastSavedForUser"].ToString() is { Length: > 0 } since
            ? DateTimeOffset.Parse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : (DateTimeOffset?)null;
        var ids = query["Ids"].ToString() is { Length: > 0 } idList ? idList.Split(',').ToHashSet(StringComparer.Ordinal) : null;
        var data = user is null ? null : _state.Locked(_ => new Dictionary<string, EmulatorUserData>(user.Data, StringComparer.Ordinal));

        var typesAllowMovies = types.Length == 0 || types.Split(',').Any(t => t.Trim().Equals("Movie", StringComparison.OrdinalIgnoreCase));
        IEnumerable<EmulatorMovie> matches = [];
        if (typesAllowMovies && (parentId.Length == 0 || library is not null) && (recursive || resume))
        {
            matches = _state.SortedMovies().Where(movie =>
            {
                if ((library is not null && movie.LibraryId != library.ItemId) || (ids is not null && !ids.Contains(movie.Id)))
                {
                    return false;
                }

                if (user is null)
                {
                    return true;
                }

                if (!_state.CanAccess(user, movie.LibraryId))
                {
                    return false;
                }

                var state = data!.GetValueOrDefault(movie.Id);
                return (isPlayed is null || (state?.Played ?? false) == isPlayed)
                    && (isFavorite is null || (state?.IsFavorite ?? false) == isFavorite)
                    && (savedSince is null || SavedSince(movie, state, savedSince.Value))
                    && (!resume || state is { PlaybackPositionTicks: > 0, Played: false });
            });
        }

        var descending = query["SortOrder"].ToString().StartsWith("Desc", StringComparison.OrdinalIgnoreCase);
        if (resume || (user is not null && query["SortBy"].ToString().StartsWith("DatePlayed", StringComparison.OrdinalIgnoreCase)))
        {
            // Resume lists come most recent first; SortBy=DatePlayed orders by the user's last play, unplayed last.
            var byDate = matches.OrderBy(m => data!.GetValueOrDefault(m.Id)?.LastPlayedDate is null ? 1 : 0);
            matches = resume || descending
                ? byDate.ThenByDescending(m => data!.GetValueOrDefault(m.Id)?.LastPlayedDate)
                : byDate.ThenBy(m => data!.GetValueOrDefault(m.Id)?.LastPlayedDate);
        }

        var all = matches as IReadOnlyList<EmulatorMovie> ?? [.. matches];
        var start = Math.Clamp(IntParameter(query, "StartIndex") ?? 0, 0, all.Count);
        var count = Math.Min(IntParameter(query, "Limit") ?? int.MaxValue, all.Count - start);

        var capacity = 64;
        for (var i = start; i < start + count; i++)
        {
            capacity += all[i].MaxJsonLength + (user is null ? 1 : 512);
        }

        var buffer = new PooledBufferWriter(capacity);
        var userData = new ArrayBufferWriter<byte>(512);
        using var userDataWriter = new Utf8JsonWriter(userData);
        buffer.Write("{\"Items\":["u8);
        for (var i = start; i < start + count; i++)
        {
            if (i > start)
            {
                buffer.Write(","u8);
            }

            var movie = all[i];
            if (user is not null)
            {
                userData.ResetWrittenCount();
                userDataWriter.Reset(userData);
                _responses.WriteUserData(userDataWriter, movie, data!.GetValueOrDefault(movie.Id), fields);
                userDataWriter.Flush();
            }

            movie.WriteTo(buffer, fields, user is null ? default : userData.WrittenSpan);
        }

        buffer.Write("],\"TotalRecordCount\":"u8);
        WriteNumber(buffer, all.Count);
        if (!IsEmby)
        {
            buffer.Write(",\"StartIndex\":"u8);
            WriteNumber(buffer, start);
        }

        buffer.Write("}"u8);
        return new Reply(200, buffer.WrittenMemory, Reply.JsonType, buffer);
    }

    /// <summary>
    /// Jellyfin (10.10, 10.11) compares <c>MinDateLastSavedForUser</c> with the item's own save date, exactly as
    /// <c>MinDateLastSaved</c>, so a play does not make an item "saved since"; Emby compares the user's data.
    /// </summary>
    private bool SavedSince(EmulatorMovie movie, EmulatorUserData? state, DateTimeOffset since) =>
        IsEmby ? state is not null && state.LastSaved >= since : movie.DateLastSaved >= since;

    private Reply CreateLibrary(IQueryCollection query, JsonElement body)
    {
        string? name;
        string? collectionType;
        var paths = new List<string>();
        if (IsEmby)
        {
            // Emby binds the request DTO from the body and the query alike.
            name = StringProperty(body, "Name") ?? NullIfEmpty(query["Name"].ToString());
            collectionType = StringProperty(body, "CollectionType") ?? NullIfEmpty(query["CollectionType"].ToString());
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("Paths", out var bodyPaths) && bodyPaths.ValueKind == JsonValueKind.Array)
            {
                paths.AddRange(bodyPaths.EnumerateArray().Select(p => p.GetString()!));
            }

            paths.AddRange(query["Paths"].SelectMany(p => p!.Split(',', StringSplitOptions.RemoveEmptyEntries)));
        }
        else
        {
            name = NullIfEmpty(query["name"].ToString());
            collectionType = NullIfEmpty(query["collectionType"].ToString());
            paths.AddRange(query["paths"].Select(p => p!));
        }

        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("LibraryOptions", out var options)
            && options.ValueKind == JsonValueKind.Object && options.TryGetProperty("PathInfos", out var pathInfos) && pathInfos.ValueKind == JsonValueKind.Array)
        {
            paths.AddRange(pathInfos.EnumerateArray().Select(p => StringProperty(p, "Path")).OfType<string>());
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return Reply.Text(400, "Value cannot be null. (Parameter 'name')");
        }

        _state.AddLibrary(null, name, collectionType, paths.Distinct(StringComparer.Ordinal));
        return Reply.Status(204);
    }

    private Reply AddLibraryPath(JsonElement body)
    {
        var path = StringProperty(body, "Path")
            ?? (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("PathInfo", out var info) ? StringProperty(info, "Path") : null);
        var library = IsEmby
            ? StringProperty(body, "Id") is { } id ? _state.FindLibrary(l => l.VirtualFolderId == id) : null
            : StringProperty(body, "Name") is { } name ? _state.FindLibrary(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)) : null;
        if (library is null || string.IsNullOrWhiteSpace(path))
        {
            return Reply.Text(400, "The library or path is missing.");
        }

        return _state.Locked(_ =>
        {
            if (library.Locations.Contains(path, StringComparer.Ordinal))
            {
                return Reply.Text(400, $"The path {path} already exists in the library.");
            }

            library.Locations.Add(path);
            return Reply.Status(204);
        });
    }

    private Reply RemoveLibrary(IQueryCollection query, JsonElement body)
    {
        EmulatorLibrary? library;
        if (IsEmby)
        {
            var id = StringProperty(body, "Id") ?? NullIfEmpty(query["Id"].ToString());
            library = id is null ? null : _state.FindLibrary(l => l.VirtualFolderId == id);
        }
        else
        {
            var name = query["name"].ToString();
            library = _state.FindLibrary(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        return library is not null && _state.RemoveLibrary(library) ? Reply.Status(204) : Reply.Status(404);
    }

    private Reply UpdatePolicy(string userId, JsonElement policy)
    {
        if (_state.TryFindUser(userId) is not { } user)
        {
            return Reply.Status(404);
        }

        if (policy.ValueKind != JsonValueKind.Object)
        {
            return Reply.Text(400, "The policy body is missing.");
        }

        // Jellyfin 10.9+ rejects a policy without its provider ids: a client must send back the whole policy it read.
        if (!IsEmby && (StringProperty(policy, "AuthenticationProviderId") is null || StringProperty(policy, "PasswordResetProviderId") is null))
        {
            return Reply.Text(400, "The AuthenticationProviderId and PasswordResetProviderId fields are required.");
        }

        var folders = policy.TryGetProperty("EnabledFolders", out var enabled) && enabled.ValueKind == JsonValueKind.Array
            ? enabled.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
            : [];
        if (!IsEmby && folders.Any(f => !Guid.TryParse(f, out _)))
        {
            return Reply.Text(400, "EnabledFolders must hold library ids.");
        }

        _state.Locked(_ =>
        {
            user.IsDisabled = BoolProperty(policy, "IsDisabled") ?? user.IsDisabled;
            user.IsAdministrator = BoolProperty(policy, "IsAdministrator") ?? user.IsAdministrator;
            user.EnableAllFolders = BoolProperty(policy, "EnableAllFolders") ?? false;
            user.MaxParentalRating = policy.TryGetProperty("MaxParentalRating", out var rating) && rating.ValueKind == JsonValueKind.Number ? rating.GetInt32() : null;
            user.EnabledFolders = folders;
            return 0;
        });
        return Reply.Status(204);
    }

    private Reply Refresh(string itemId)
    {
        var known = _state.FindLibrary(l => _state.SameId(l.ItemId, itemId)) is not null || _state.FindMovie(itemId) is not null;
        if (!known)
        {
            return Reply.Status(404);
        }

        _state.RecordRefresh(itemId);
        return Reply.Status(204);
    }

    private static Reply Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return new Reply(200, buffer.WrittenMemory, Reply.JsonType);
    }

    private static JsonElement Parse(string? body) =>
        body is null ? default : JsonDocument.Parse(body).RootElement;

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && TryGetPropertyIgnoreCase(element, name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool? BoolProperty(JsonElement element, string name) =>
        TryGetPropertyIgnoreCase(element, name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    private static bool TryGetPropertyIgnoreCase(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static int? IntParameter(IQueryCollection query, string name) =>
        int.TryParse(query[name].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool? BoolParameter(IQueryCollection query, string name) =>
        bool.TryParse(query[name].ToString(), out var value) ? value : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static void WriteNumber(IBufferWriter<byte> buffer, int value)
    {
        Utf8Formatter.TryFormat(value, buffer.GetSpan(11), out var written);
        buffer.Advance(written);
    }

    /// <summary>A response: status, body and content type, and the pooled buffer to give back once it is sent.</summary>
    private readonly record struct Reply(int StatusCode, ReadOnlyMemory<byte> Body, string ContentType, IDisposable? Owner = null)
    {
        public const string JsonType = "application/json; charset=utf-8";

        public static Reply Status(int statusCode) => new(statusCode, ReadOnlyMemory<byte>.Empty, JsonType);

        public static Reply Text(int statusCode, string text) => new(statusCode, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");
    }
}
