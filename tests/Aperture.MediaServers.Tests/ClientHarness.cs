using Aperture.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Aperture.MediaServers.Tests;

/// <summary>An emulator and a client registered against it the way an application does, with every log line captured.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ClientHarness(MediaServerEmulator server, ServiceProvider services)
    {
        Server = server;
        _services = services;
        Client = services.GetRequiredService<IMediaServerClient>();
        Logs = services.GetFakeLogCollector();
    }

    public MediaServerEmulator Server { get; }

    public IMediaServerClient Client { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>Starts an emulator of <paramref name="kind"/> and a client with fast retries (1 ms) and small pages unless configured otherwise.</summary>
    public static async Task<ClientHarness> StartAsync(MediaServerKind kind, Action<MediaServerOptions>? configure = null, string basePath = "")
    {
        var server = await MediaServerEmulator.StartAsync(kind);
        var services = Build(kind, options =>
        {
            options.BaseUrl = new Uri(server.BaseUrl, basePath).ToString();
            options.ApiKey = server.ApiKey;
            options.RetryDelay = TimeSpan.FromMilliseconds(1);
            options.Timeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(options);
        });
        return new ClientHarness(server, services);
    }

    /// <summary>Builds a container with the client of <paramref name="kind"/>, configuration from <paramref name="settings"/> and trace-level fake logging.</summary>
    public static ServiceProvider Build(MediaServerKind kind, Action<MediaServerOptions>? configure, IDictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        var aperture = services.AddAperture();
        _ = kind == MediaServerKind.Jellyfin ? aperture.AddJellyfin(configure) : aperture.AddEmby(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
