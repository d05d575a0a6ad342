using Aperture.Fixtures;
using Aperture.Testing;

namespace Aperture.MediaServers.Tests;

/// <summary>Each fault the emulator injects ends in a retry that succeeds or a typed error that says what to do.</summary>
public sealed class FaultTests
{
    [Theory]
    [InlineData(MediaServerKind.Jellyfin, 500)]
    [InlineData(MediaServerKind.Emby, 503)]
    public async Task A_transient_5xx_on_a_page_is_retried(MediaServerKind kind, int status)
    {
        await using var harness = await ClientHarness.StartAsync(kind, o => o.PageSize = 10);
        var library = harness.Server.AddLibrary("Movies");
        harness.Server.AddMovies(library.Id, SampleMovies.Many(35));
        harness.Server.InjectFault(EmulatorFault.Status(status).On(EmulatorEndpoint.Movies, page: 2).Repeat(2));

        var movies = await harness.Client.GetMoviesAsync(library.Id).ToListAsync();

        Assert.Equal(35, movies.Count);
        Assert.Equal([status, status, 200], harness.Server.Requests.Where(r => r.Query.GetValueOrDefault("StartIndex") == "20").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_5xx_that_persists_fails_after_the_configured_retries()
    {
        await using var harness = await ClientHarness.StartAsync(MediaServerKind.Jellyfin, o => o.RetryCount = 2);
        harness.Server.InjectFault(EmulatorFault.Status(502).On(EmulatorEndpoint.Libraries).Always());

        var error = await Assert.ThrowsAsync<MediaServerResponseException>(() => harness.Client.GetLibrariesAsync());

        Assert.Contains("HTTP 502", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET /Library/VirtualFolders", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task With_retries_off_a_5xx_fails_at_once()
    {
        await using var harness = await ClientHarness.StartAsync(MediaServerKind.Emby, o => o.RetryCount = 0);
        harness.Server.InjectFault(EmulatorFault.Status(503));

        await Assert.ThrowsAsync<MediaServerResponseException>(() => harness.Client.GetServerInfoAsync());

        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_retry_after()
    {
        await using var harness = await ClientHarness.StartAsync(MediaServerKind.Emby);
        harness.Server.AddUser("alice");
        harness.Server.InjectFault(EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(1)).On(EmulatorEndpoint.Users));

        var users = await harness.Client.GetUsersAsync();

        Assert.Single(users);
        Assert.Equal([429, 200], harness.Server.Requests.Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin, 401)]
    [InlineData(MediaServerKind.Emby, 403)]
    public async Task A_rejected_key_is_never_retried_and_says_so(MediaServerKind kind, int status)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        harness.Server.InjectFault(EmulatorFault.Status(status).Always());

        var error = await Assert.ThrowsAsync<MediaServerAuthenticationException>(() => harness.Client.GetServerInfoAsync());

        Assert.Contains("rejected the API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("Aperture:MediaServer:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Server.ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task A_wrong_key_is_reported_as_rejected(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind, o => o.ApiKey = "0123456789abcdef0123456789abcdef");

        var error = await Assert.ThrowsAsync<MediaServerAuthenticationException>(() => harness.Client.GetLibrariesAsync());

        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef0123456789abcdef", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Malformed_json_on_a_page_names_the_endpoint(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind, o => o.PageSize = 10);
        var library = harness.Server.AddLibrary("Movies");
        harness.Server.AddMovies(library.Id, SampleMovies.Many(25));
        harness.Server.InjectFault(EmulatorFault.MalformedJson().On(EmulatorEndpoint.Movies, page: 1));

        var error = await Assert.ThrowsAsync<MediaServerResponseException>(() => harness.Client.GetMoviesAsync(library.Id).ToListAsync().AsTask());

        Assert.Contains("malformed or truncated JSON from GET /Items", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task A_truncated_body_names_the_endpoint(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind);
        harness.Server.AddUser("alice");
        harness.Server.InjectFault(EmulatorFault.TruncatedBody().On(EmulatorEndpoint.Users));

        var error = await Assert.ThrowsAsync<MediaServerResponseException>(() => harness.Client.GetUsersAsync());

        Assert.Contains(kind == MediaServerKind.Emby ? "GET /Users/Query" : "GET /Users", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await using var harness = await ClientHarness.StartAsync(MediaServerKind.Jellyfin);
        harness.Server.InjectFault(EmulatorFault.Disconnect().On(EmulatorEndpoint.SystemInfo));

        var info = await harness.Client.GetServerInfoAsync();

        Assert.Equal(harness.Server.ServerId, info.Id);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_is_reported_unavailable()
    {
        await using var harness = await ClientHarness.StartAsync(MediaServerKind.Emby, o => (o.Timeout, o.RetryCount) = (TimeSpan.FromMilliseconds(200), 1));
        harness.Server.InjectFault(EmulatorFault.Latency(TimeSpan.FromMinutes(1)).Always());

        var error = await Assert.ThrowsAsync<MediaServerUnavailableException>(() => harness.Client.GetServerInfoAsync());

        Assert.Contains("did not answer GET /System/Info within 0.2 s", error.Message, StringComparison.Ordinal);
        Assert.Contains(harness.Server.BaseUrl.ToString().TrimEnd('/'), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_with_its_url()
    {
        var harness = await ClientHarness.StartAsync(MediaServerKind.Jellyfin, o => o.RetryCount = 1);
        var client = harness.Client;
        var url = harness.Server.BaseUrl.ToString().TrimEnd('/');
        await harness.Server.DisposeAsync();

        var error = await Assert.ThrowsAsync<MediaServerUnavailableException>(() => client.GetServerInfoAsync());

        Assert.Contains($"The media server at {url} could not be reached (GET /System/Info)", error.Message, StringComparison.Ordinal);
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task Cancellation_is_not_mistaken_for_a_timeout()
    {
        await using var harness = await ClientHarness.StartAsync(MediaServerKind.Jellyfin);
        harness.Server.Latency = TimeSpan.FromMinutes(1);
        using var cancel = new CancellationTokenSource();

        var call = harness.Client.GetServerInfoAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
