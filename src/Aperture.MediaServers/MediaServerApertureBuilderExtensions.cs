using System.Reflection;
using Aperture.MediaServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Aperture;

/// <summary>Registers the Jellyfin or Emby client: <c>builder.AddJellyfin()</c> or <c>builder.AddEmby()</c>.</summary>
public static class MediaServerApertureBuilderExtensions
{
    private static readonly string s_version =
        typeof(MediaServerApertureBuilderExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";

    /// <summary>
    /// Adds an <see cref="IMediaServerClient"/> for a Jellyfin server (10.8 or later), configured from
    /// <c>Aperture:MediaServer</c> and then <paramref name="configure"/>, validated on start.
    /// </summary>
    public static IApertureBuilder AddJellyfin(this IApertureBuilder builder, Action<MediaServerOptions>? configure = null) =>
        builder.AddMediaServer<JellyfinClient>(MediaServerKind.Jellyfin, configure);

    /// <summary>
    /// Adds an <see cref="IMediaServerClient"/> for an Emby server (4.7 or later), configured from
    /// <c>Aperture:MediaServer</c> and then <paramref name="configure"/>, validated on start.
    /// </summary>
    public static IApertureBuilder AddEmby(this IApertureBuilder builder, Action<MediaServerOptions>? configure = null) =>
        builder.AddMediaServer<EmbyClient>(MediaServerKind.Emby, configure);

    private static IApertureBuilder AddMediaServer<TClient>(this IApertureBuilder builder, MediaServerKind kind, Action<MediaServerOptions>? configure)
        where TClient : class, IMediaServerClient
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<MediaServerOptions>().BindConfiguration(MediaServerOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // A second AddJellyfin/AddEmby replaces the dialect; the HTTP client is registered once and reads it.
        services.RemoveAll<MediaServerDialect>();
        services.AddSingleton(new MediaServerDialect(kind));
        services.RemoveAll<IMediaServerClient>();
        services.AddSingleton<IMediaServerClient, TClient>();
        if (services.Any(static s => s.ServiceType == typeof(MediaServerTransport)))
        {
            return builder;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaServerOptions>, MediaServerOptionsValidator>());
        services.AddHttpClient(MediaServerTransport.HttpClientName, static (provider, client) =>
            {
                var settings = provider.GetRequiredService<IOptions<MediaServerOptions>>().Value;
                ConfigureClient(client, provider.GetRequiredService<MediaServerDialect>().Kind, settings);
            })
            .RemoveAllLoggers()
            .AddLogger(static provider => ActivatorUtilities.CreateInstance<MediaServerHttpLogger>(provider), wrapHandlersPipeline: true)
            .AddResilienceHandler("media-server", static (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<MediaServerOptions>>().Value;
                if (settings.RetryCount > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        // The default predicate retries 5xx, 408, 429, network errors and attempt timeouts, never 401/403.
                        MaxRetryAttempts = settings.RetryCount,
                        Delay = settings.RetryDelay,
                        MaxDelay = TimeSpan.FromSeconds(30),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                    });
                }

                pipeline.AddTimeout(settings.Timeout);
            });

        services.AddSingleton<MediaServerTransport>();
        return builder;
    }

    /// <summary>Sets the base address and the dialect's authentication headers (the key travels in a header, never a URL).</summary>
    private static void ConfigureClient(HttpClient client, MediaServerKind kind, MediaServerOptions settings)
    {
        // The resilience pipeline times each attempt; HttpClient's own timeout would cut retries short.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var identity = $"MediaBrowser Client=\"{Escape(settings.ClientName)}\", Device=\"{Escape(settings.DeviceName)}\", DeviceId=\"{Escape(settings.DeviceId)}\", Version=\"{s_version}\"";
        if (kind == MediaServerKind.Jellyfin)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{identity}, Token=\"{settings.ApiKey}\"");
        }
        else
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Emby-Token", settings.ApiKey);
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Emby-Authorization", identity);
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
