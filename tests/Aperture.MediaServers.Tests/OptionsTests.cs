using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aperture.MediaServers.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Binds_from_the_media_server_section_and_lets_code_override()
    {
        using var services = ClientHarness.Build(MediaServerKind.Jellyfin, o => o.PageSize = 250, new Dictionary<string, string?>
        {
            ["Aperture:MediaServer:BaseUrl"] = "http://jellyfin:8096/",
            ["Aperture:MediaServer:ApiKey"] = "abc",
            ["Aperture:MediaServer:PageSize"] = "100",
            ["Aperture:MediaServer:MaxConcurrentPages"] = "2",
            ["Aperture:MediaServer:Timeout"] = "00:00:30",
        });

        var options = services.GetRequiredService<IOptions<MediaServerOptions>>().Value;

        Assert.Equal(("http://jellyfin:8096/", "abc", 250, 2, TimeSpan.FromSeconds(30)), (options.BaseUrl, options.ApiKey, options.PageSize, options.MaxConcurrentPages, options.Timeout));
        Assert.IsType<JellyfinClient>(services.GetRequiredService<IMediaServerClient>());
    }

    [Fact]
    public void Defaults_follow_the_issue()
    {
        var options = new MediaServerOptions();

        Assert.Equal((500, 4), (options.PageSize, options.MaxConcurrentPages));
    }

    [Theory]
    [InlineData("", "key", "Aperture:MediaServer:BaseUrl is required")]
    [InlineData("jellyfin:8096", "key", "Aperture:MediaServer:BaseUrl must be an absolute http or https URL")]
    [InlineData("/emby", "key", "Aperture:MediaServer:BaseUrl must be an absolute http or https URL")]
    [InlineData("ftp://jellyfin", "key", "Aperture:MediaServer:BaseUrl must be an absolute http or https URL")]
    [InlineData("http://admin:hunter2@jellyfin:8096", "key", "without user name, password or query string")]
    [InlineData("http://jellyfin:8096/?api_key=hunter2", "key", "without user name, password or query string")]
    [InlineData("http://jellyfin:8096", "", "Aperture:MediaServer:ApiKey is required")]
    public void Rejects_bad_settings_naming_the_setting_and_never_echoing_it(string baseUrl, string apiKey, string expected)
    {
        using var services = ClientHarness.Build(MediaServerKind.Emby, o => (o.BaseUrl, o.ApiKey) = (baseUrl, apiKey));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MediaServerOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_out_of_range_paging()
    {
        using var services = ClientHarness.Build(MediaServerKind.Jellyfin, o => (o.BaseUrl, o.ApiKey, o.PageSize, o.MaxConcurrentPages) = ("http://j:8096", "k", 0, 99));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MediaServerOptions>>().Value);

        Assert.Contains("Aperture:MediaServer:PageSize must be between 1 and 10000 (it is 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Aperture:MediaServer:MaxConcurrentPages must be between 1 and 16 (it is 99)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_fails_to_start_with_bad_settings()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAperture().AddEmby(o => o.BaseUrl = "not a url");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Aperture:MediaServer:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_registration_wins_with_its_own_headers_sent_once()
    {
        await using var server = await Testing.MediaServerEmulator.StartAsync(MediaServerKind.Emby);
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddAperture()
            .AddJellyfin(o => (o.BaseUrl, o.ApiKey) = (server.BaseUrl.ToString(), server.ApiKey))
            .AddEmby(o => o.PageSize = 100)
            .AddEmby();
        await using var provider = services.BuildServiceProvider();

        var client = Assert.Single(provider.GetServices<IMediaServerClient>());
        await client.GetLibrariesAsync();

        Assert.IsType<EmbyClient>(client);
        var headers = Assert.Single(server.Requests).Headers;
        Assert.Equal(server.ApiKey, headers["X-Emby-Token"]);
        Assert.False(headers.ContainsKey("Authorization"));
        Assert.Equal(100, provider.GetRequiredService<IOptions<MediaServerOptions>>().Value.PageSize);
    }
}
