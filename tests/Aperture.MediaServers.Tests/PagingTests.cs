using Aperture.Fixtures;
using Aperture.Testing;

namespace Aperture.MediaServers.Tests;

/// <summary>Listings are fetched several pages at a time, yielded in order, and never taken for complete when they are not.</summary>
public sealed class PagingTests
{
    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task Pages_are_fetched_concurrently_and_yielded_in_order(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind, o => (o.PageSize, o.MaxConcurrentPages) = (100, 4));
        var library = harness.Server.AddLibrary("Movies");
        harness.Server.AddMovies(library.Id, SampleMovies.Many(2_345));
        harness.Server.Latency = TimeSpan.FromMilliseconds(30);

        var movies = await harness.Client.GetMoviesAsync(library.Id).ToListAsync();

        Assert.Equal(harness.Server.GetMovies(library.Id).Select(m => m.ServerId), movies.Select(m => m.ServerId));
        var pages = harness.Server.Requests.Where(r => r.Endpoint == EmulatorEndpoint.Movies).ToList();
        Assert.Equal(24, pages.Count);
        Assert.Equal(Enumerable.Range(0, 24).Select(p => (p * 100).ToString(System.Globalization.CultureInfo.InvariantCulture)), pages.Select(p => p.Query["StartIndex"]).Order(StringComparer.Ordinal).OrderBy(int.Parse));
        Assert.All(pages, p => Assert.Equal("100", p.Query["Limit"]));
        Assert.InRange(harness.Server.PeakConcurrentRequests, 2, 4);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_leaves_no_more_than_the_window_fetched()
    {
        await using var harness = await ClientHarness.StartAsync(MediaServerKind.Jellyfin, o => (o.PageSize, o.MaxConcurrentPages) = (10, 3));
        var library = harness.Server.AddLibrary("Movies");
        harness.Server.AddMovies(library.Id, SampleMovies.Many(1_000));

        await foreach (var movie in harness.Client.GetMoviesAsync(library.Id))
        {
            Assert.Equal("Movie 00001", movie.Title);
            break;
        }

        Assert.InRange(harness.Server.Requests.Count(r => r.Endpoint == EmulatorEndpoint.Movies), 1, 4);
    }

    [Fact]
    public async Task An_empty_library_lists_nothing_with_one_request()
    {
        await using var harness = await ClientHarness.StartAsync(MediaServerKind.Emby);
        var library = harness.Server.AddLibrary("Movies");

        Assert.Empty(await harness.Client.GetMoviesAsync(library.Id).ToListAsync());
        Assert.Single(harness.Server.Requests);
    }

    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task A_catalogue_that_changes_between_pages_fails_the_listing(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind, o => o.PageSize = 10);
        var library = harness.Server.AddLibrary("Movies");
        var seeded = harness.Server.AddMovies(library.Id, SampleMovies.Many(45));
        harness.Server.InjectFault(EmulatorFault.ChangeCatalog(s => s.RemoveMovie(seeded[3].ServerId)).On(EmulatorEndpoint.Movies, page: 0));

        var error = await Assert.ThrowsAsync<MediaServerResponseException>(() => harness.Client.GetMoviesAsync(library.Id).ToListAsync().AsTask());

        Assert.Contains("GET /Items", error.Message, StringComparison.Ordinal);
        Assert.Contains("changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_swap_that_keeps_the_total_is_caught_as_a_duplicate()
    {
        await using var harness = await ClientHarness.StartAsync(MediaServerKind.Jellyfin, o => (o.PageSize, o.MaxConcurrentPages) = (10, 1));
        var library = harness.Server.AddLibrary("Movies");
        var seeded = harness.Server.AddMovies(library.Id, SampleMovies.Many(30));
        harness.Server.InjectFault(EmulatorFault.ChangeCatalog(s =>
        {
            // One movie added in front of the page already read and one removed at the end: items shift up a page.
            s.AddMovies(library.Id, SampleMovies.Many(1, "Aardvark"));
            s.RemoveMovie(seeded[^1].ServerId);
        }).On(EmulatorEndpoint.Movies, page: 0));

        var error = await Assert.ThrowsAsync<MediaServerResponseException>(() => harness.Client.GetMoviesAsync(library.Id).ToListAsync().AsTask());

        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
    }
}
