using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using System.Text;
using Aperture.Fixtures;
using Aperture.MediaServers;

namespace Aperture.Testing.Tests.MediaServer;

public sealed class MediaServerEmulatorTests
{
    [Theory]
    [InlineData(MediaServerKind.Jellyfin, "^[0-9a-f]{32}$")]
    [InlineData(MediaServerKind.Emby, "^[0-9]+$")]
    public async Task Items_use_the_dialects_id_format_and_date_format(MediaServerKind kind, string idPattern)
    {
        await using var server = await MediaServerEmulator.StartAsync(kind);
        var library = server.AddLibrary("Movies");
        server.AddMovie(library.Id, SampleMovies.Inception);
        using var http = Client(server);

        using var page = await GetJsonAsync(http, $"Items?Recursive=true&IncludeItemTypes=Movie&ParentId={library.Id}&Fields=DateCreated,ProviderIds,People,Studios,MediaSources");

        var item = page.RootElement.GetProperty("Items")[0];
        Assert.Matches(idPattern, item.GetProperty("Id").GetString());
        Assert.Matches(idPattern, library.Id);
        Assert.Equal("2024-03-01T18:30:12.1234567Z", item.GetProperty("DateCreated").GetString());
        Assert.Equal("2010-07-15T00:00:00.0000000Z", item.GetProperty("PremiereDate").GetString());
        Assert.Equal(148 * 600_000_000L, item.GetProperty("RunTimeTicks").GetInt64());
        Assert.Equal("tt1375666", item.GetProperty("ProviderIds").GetProperty("Imdb").GetString());
        Assert.Equal(1, page.RootElement.GetProperty("TotalRecordCount").GetInt32());
        var studioId = item.GetProperty("Studios")[0].GetProperty("Id");
        Assert.Equal(kind == MediaServerKind.Emby ? JsonValueKind.Number : JsonValueKind.String, studioId.ValueKind);
        Assert.Equal(kind == MediaServerKind.Jellyfin, item.TryGetProperty("ChannelId", out var channel) && channel.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Fields_not_asked_for_are_left_out()
    {
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Jellyfin);
        var library = server.AddLibrary("Movies");
        server.AddMovie(library.Id, SampleMovies.Inception);
        using var http = Client(server);

        using var page = await GetJsonAsync(http, "Items?Recursive=true&IncludeItemTypes=Movie");

        var item = page.RootElement.GetProperty("Items")[0];
        Assert.False(item.TryGetProperty("Overview", out _));
        Assert.False(item.TryGetProperty("People", out _));
        Assert.False(item.TryGetProperty("ProviderIds", out _));
        Assert.Equal("Inception", item.GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Emby_sends_play_count_and_last_played_only_when_asked()
    {
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Emby);
        var library = server.AddLibrary("Movies");
        var movie = server.AddMovie(library.Id, SampleMovies.Inception);
        var user = server.AddUser("alice");
        server.SetWatchState(user.Id, new() { ServerItemId = movie.ServerId, Played = true, PlayCount = 3, LastPlayedAt = DateTimeOffset.UnixEpoch });
        using var http = Client(server);

        using var bare = await GetJsonAsync(http, $"emby/Users/{user.Id}/Items?Recursive=true&IsPlayed=true");
        using var asked = await GetJsonAsync(http, $"emby/Users/{user.Id}/Items?Recursive=true&IsPlayed=true&Fields=UserDataPlayCount,UserDataLastPlayedDate");

        var bareData = bare.RootElement.GetProperty("Items")[0].GetProperty("UserData");
        Assert.False(bareData.TryGetProperty("PlayCount", out _));
        Assert.False(bareData.TryGetProperty("LastPlayedDate", out _));
        var askedData = asked.RootElement.GetProperty("Items")[0].GetProperty("UserData");
        Assert.Equal(3, askedData.GetProperty("PlayCount").GetInt32());
        Assert.Equal("1970-01-01T00:00:00.0000000Z", askedData.GetProperty("LastPlayedDate").GetString());
    }

    [Fact]
    public async Task Serves_twenty_thousand_movies_in_pages_and_records_requests()
    {
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Jellyfin);
        var library = server.AddLibrary("Movies");
        server.AddMovies(library.Id, SampleMovies.Many(20_000));
        using var http = Client(server);

        var seen = new HashSet<string>();
        for (var start = 0; start < 20_000; start += 500)
        {
            using var page = await GetJsonAsync(http, $"Items?Recursive=true&IncludeItemTypes=Movie&SortBy=SortName&StartIndex={start}&Limit=500&Fields=Overview,People,MediaSources,ProviderIds");
            Assert.Equal(20_000, page.RootElement.GetProperty("TotalRecordCount").GetInt32());
            foreach (var item in page.RootElement.GetProperty("Items").EnumerateArray())
            {
                Assert.True(seen.Add(item.GetProperty("Id").GetString()!));
            }
        }

        Assert.Equal(20_000, seen.Count);
        Assert.Equal(40, server.Requests.Count(r => r.Endpoint == EmulatorEndpoint.Movies));
        Assert.Equal("500", server.Requests[0].Query["limit"]);
    }

    [Fact]
    public async Task Rejects_a_wrong_key_and_accepts_every_header_form()
    {
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Jellyfin);
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var none = await http.GetAsync(new Uri("Users", UriKind.Relative));
        using var wrong = await SendAsync(http, "Users", ("X-Emby-Token", "0123"));
        using var token = await SendAsync(http, "Users", ("X-Emby-Token", server.ApiKey));
        using var mediaBrowser = await SendAsync(http, "Users", ("Authorization", $"MediaBrowser Client=\"t\", Device=\"d\", DeviceId=\"i\", Version=\"1\", Token=\"{server.ApiKey}\""));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mediaBrowser.StatusCode);
    }

    [Fact]
    public async Task Faults_hit_the_chosen_page_the_chosen_number_of_times()
    {
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Jellyfin);
        var library = server.AddLibrary("Movies");
        server.AddMovies(library.Id, SampleMovies.Many(10));
        server.InjectFault(EmulatorFault.Status(503).On(EmulatorEndpoint.Movies, page: 1).Repeat(2));
        server.InjectFault(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(2)).On(EmulatorEndpoint.Users));
        server.InjectFault(EmulatorFault.MalformedJson().On(EmulatorEndpoint.Movies, page: 2));
        server.InjectFault(EmulatorFault.TruncatedBody().On(EmulatorEndpoint.Movies, page: 3));
        using var http = Client(server);

        using var page0 = await http.GetAsync(new Uri("Items?Recursive=true&StartIndex=0&Limit=2", UriKind.Relative));
        using var page1 = await http.GetAsync(new Uri("Items?Recursive=true&StartIndex=2&Limit=2", UriKind.Relative));
        using var page1Again = await http.GetAsync(new Uri("Items?Recursive=true&StartIndex=2&Limit=2", UriKind.Relative));
        using var page1Third = await http.GetAsync(new Uri("Items?Recursive=true&StartIndex=2&Limit=2", UriKind.Relative));
        using var users = await http.GetAsync(new Uri("Users", UriKind.Relative));
        var malformed = await http.GetStringAsync(new Uri("Items?Recursive=true&StartIndex=4&Limit=2", UriKind.Relative));
        var truncated = await http.GetStringAsync(new Uri("Items?Recursive=true&StartIndex=6&Limit=2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page0.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page1.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page1Again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page1Third.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, users.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), users.Headers.RetryAfter?.Delta);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(malformed));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(truncated));
    }

    [Fact]
    public async Task A_catalogue_change_fault_changes_the_pages_after_it()
    {
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Emby);
        var library = server.AddLibrary("Movies");
        server.AddMovies(library.Id, SampleMovies.Many(4));
        server.InjectFault(EmulatorFault.ChangeCatalog(s => s.AddMovies(library.Id, SampleMovies.Many(1, "Late"))).On(EmulatorEndpoint.Movies, page: 0));
        using var http = Client(server);

        using var first = await GetJsonAsync(http, "Items?Recursive=true&StartIndex=0&Limit=2");
        using var second = await GetJsonAsync(http, "Items?Recursive=true&StartIndex=2&Limit=2");

        Assert.Equal(4, first.RootElement.GetProperty("TotalRecordCount").GetInt32());
        Assert.Equal(5, second.RootElement.GetProperty("TotalRecordCount").GetInt32());
    }

    [Fact]
    public async Task Jellyfin_library_management_is_reflected_in_state()
    {
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Jellyfin);
        var movies = server.AddLibrary("Movies");
        var user = server.AddUser(new() { Id = string.Empty, Name = "bob", HasAccessToAllLibraries = false, LibraryIds = [movies.Id] });
        using var http = Client(server);

        using var created = await http.PostAsync(new Uri("Library/VirtualFolders?name=Bob%27s%20AI%20Picks&collectionType=movies&paths=%2Fai%2Fbob&refreshLibrary=true", UriKind.Relative), JsonBody("""{"LibraryOptions":{}}"""));
        var picks = Assert.Single(server.Libraries, l => l.Name == "Bob's AI Picks");
        using var path = await http.PostAsync(new Uri("Library/VirtualFolders/Paths?refreshLibrary=true", UriKind.Relative), JsonBody("""{"Name":"Bob's AI Picks","PathInfo":{"Path":"/ai/bob2"}}"""));
        using var userJson = await GetJsonAsync(http, $"Users/{user.Id}");
        var policy = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(userJson.RootElement.GetProperty("Policy").GetRawText())!;
        policy["EnabledFolders"] = JsonSerializer.SerializeToElement(new[] { movies.Id, picks.Id });
        using var updated = await http.PostAsync(new Uri($"Users/{user.Id}/Policy", UriKind.Relative), JsonBody(JsonSerializer.Serialize(policy)));
        using var partialPolicy = await http.PostAsync(new Uri($"Users/{user.Id}/Policy", UriKind.Relative), JsonBody("""{"EnableAllFolders":true}"""));
        using var refreshed = await http.PostAsync(new Uri($"Items/{picks.Id}/Refresh?metadataRefreshMode=Default", UriKind.Relative), null);
        using var removed = await http.DeleteAsync(new Uri("Library/VirtualFolders?name=Movies", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        Assert.Equal("movies", picks.CollectionType);
        Assert.Equal(HttpStatusCode.NoContent, path.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, partialPolicy.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(["/ai/bob", "/ai/bob2"], server.Libraries.Single().Locations);
        Assert.Equal([picks.Id], server.GetUser(user.Id).LibraryIds);
        Assert.Equal([picks.Id], server.RefreshedItemIds);
    }

    [Fact]
    public async Task Emby_library_management_uses_folder_ids_and_guids()
    {
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Emby);
        server.AddLibrary("Movies");
        var user = server.AddUser(new() { Id = string.Empty, Name = "carol", HasAccessToAllLibraries = false });
        using var http = Client(server);

        using var created = await http.PostAsync(new Uri("emby/Library/VirtualFolders", UriKind.Relative), JsonBody("""{"Name":"Picks","CollectionType":"movies","Paths":["/ai/carol"],"RefreshLibrary":false}"""));
        using var list = await GetJsonAsync(http, "emby/Library/VirtualFolders/Query");
        var folder = list.RootElement.GetProperty("Items").EnumerateArray().Single(f => f.GetProperty("Name").GetString() == "Picks");
        var (itemId, folderId, guid) = (folder.GetProperty("ItemId").GetString()!, folder.GetProperty("Id").GetString()!, folder.GetProperty("Guid").GetString()!);
        using var byItemId = await http.PostAsync(new Uri($"emby/Users/{user.Id}/Policy", UriKind.Relative), JsonBody($$"""{"EnableAllFolders":false,"EnabledFolders":["{{itemId}}"]}"""));
        var accessByItemId = server.GetUser(user.Id).LibraryIds;
        using var byGuid = await http.PostAsync(new Uri($"emby/Users/{user.Id}/Policy", UriKind.Relative), JsonBody($$"""{"EnableAllFolders":false,"EnabledFolders":["{{guid}}"]}"""));
        using var removed = await http.PostAsync(new Uri("emby/Library/VirtualFolders/Delete", UriKind.Relative), JsonBody($$"""{"Id":"{{folderId}}"}"""));

        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", guid);
        Assert.Empty(accessByItemId);
        Assert.Equal(HttpStatusCode.NoContent, byGuid.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.DoesNotContain(server.Libraries, l => l.Name == "Picks");
    }

    [Fact]
    public async Task Watch_states_filter_by_played_favourite_resume_and_saved_since()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Jellyfin, new() { TimeProvider = clock });
        var library = server.AddLibrary("Movies");
        var movies = server.AddMovies(library.Id, SampleMovies.Many(4));
        var user = server.AddUser("dave");
        server.SetWatchState(user.Id, new() { ServerItemId = movies[0].ServerId, Played = true, PlayCount = 1, LastPlayedAt = clock.GetUtcNow() });
        clock.Advance(TimeSpan.FromHours(1));
        server.SetWatchState(user.Id, new() { ServerItemId = movies[1].ServerId, IsFavorite = true });
        server.SetWatchState(user.Id, new() { ServerItemId = movies[2].ServerId, ResumePosition = TimeSpan.FromMinutes(30), LastPlayedAt = clock.GetUtcNow() });
        using var http = Client(server);

        using var played = await GetJsonAsync(http, $"Items?userId={user.Id}&Recursive=true&IsPlayed=true");
        using var favourites = await GetJsonAsync(http, $"Items?userId={user.Id}&Recursive=true&IsFavorite=true");
        using var resume = await GetJsonAsync(http, $"UserItems/Resume?userId={user.Id}");
        using var since = await GetJsonAsync(http, $"Items?userId={user.Id}&Recursive=true&MinDateLastSavedForUser=2026-01-01T00:30:00.0000000Z");
        using var byDate = await GetJsonAsync(http, $"Items?userId={user.Id}&Recursive=true&SortBy=DatePlayed&SortOrder=Descending");

        Assert.Equal([movies[0].ServerId], Ids(played));
        Assert.Equal([movies[1].ServerId], Ids(favourites));
        Assert.Equal([movies[2].ServerId], Ids(resume));
        Assert.Empty(Ids(since));
        Assert.Equal([movies[2].ServerId, movies[0].ServerId], Ids(byDate)[..2]);
        Assert.Equal(18_000_000_000L, resume.RootElement.GetProperty("Items")[0].GetProperty("UserData").GetProperty("PlaybackPositionTicks").GetInt64());
    }

    [Fact]
    public async Task Jellyfin_compares_saved_since_with_the_item_and_emby_with_the_users_data()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var jellyfin = await MediaServerEmulator.StartAsync(MediaServerKind.Jellyfin, new() { TimeProvider = clock });
        await using var emby = await MediaServerEmulator.StartAsync(MediaServerKind.Emby, new() { TimeProvider = clock });
        var (jellyfinMovies, jellyfinUser) = Seed(jellyfin);
        var (embyMovies, embyUser) = Seed(emby);
        clock.Advance(TimeSpan.FromHours(1));
        jellyfin.SetWatchState(jellyfinUser, new() { ServerItemId = jellyfinMovies[0].ServerId, Played = true });
        emby.SetWatchState(embyUser, new() { ServerItemId = embyMovies[0].ServerId, Played = true });
        jellyfin.UpdateMovie(jellyfinMovies[1] with { Overview = "Edited." });
        using var jellyfinHttp = Client(jellyfin);
        using var embyHttp = Client(emby);

        using var jellyfinSince = await GetJsonAsync(jellyfinHttp, $"Items?userId={jellyfinUser}&Recursive=true&MinDateLastSavedForUser=2026-01-01T00:30:00Z");
        using var embySince = await GetJsonAsync(embyHttp, $"Users/{embyUser}/Items?Recursive=true&MinDateLastSavedForUser=2026-01-01T00:30:00Z");

        Assert.Equal([jellyfinMovies[1].ServerId], Ids(jellyfinSince));
        Assert.Equal([embyMovies[0].ServerId], Ids(embySince));

        static (IReadOnlyList<Aperture.Catalog.Movie> Movies, string UserId) Seed(MediaServerEmulator server)
        {
            var library = server.AddLibrary("Movies");
            return (server.AddMovies(library.Id, SampleMovies.Many(2)), server.AddUser("erin").Id);
        }
    }

    [Fact]
    public async Task Emby_answers_under_the_emby_prefix_and_not_on_jellyfin_only_routes()
    {
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Emby);
        using var http = Client(server);

        using var prefixed = await http.GetAsync(new Uri("emby/System/Info", UriKind.Relative));
        using var bare = await http.GetAsync(new Uri("System/Info", UriKind.Relative));
        using var jellyfinRoute = await http.GetAsync(new Uri("Library/VirtualFolders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, jellyfinRoute.StatusCode);
        Assert.Equal(EmulatorEndpoint.Unknown, server.Requests[^1].Endpoint);
        Assert.Equal("/emby/System/Info", server.Requests[0].Path);
        Assert.Equal("/System/Info", server.Requests[0].Route);
    }

    private static string[] Ids(JsonDocument page) =>
        [.. page.RootElement.GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("Id").GetString()!)];

    private static HttpClient Client(MediaServerEmulator server)
    {
        var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Add("X-Emby-Token", server.ApiKey);
        return http;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string uri)
    {
        using var response = await http.GetAsync(new Uri(uri, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string uri, (string Name, string Value) header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return http.SendAsync(request);
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
