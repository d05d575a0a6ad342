using Microsoft.Extensions.Configuration;

namespace Aperture.Samples;

/// <summary>
/// Composes Aperture.Core from configuration the way a host does: the packages' own methods bind and validate their
/// options (<c>Aperture:MediaServer</c>, <c>Aperture:Storage</c>, …); this adds the two choices that decide which
/// methods to call, <c>Aperture:MediaServer:Kind</c> and <c>Aperture:Embeddings:Provider</c>.
/// </summary>
internal static class ConfiguredApertureBuilderExtensions
{
    /// <summary>The setting that chooses the media server dialect: <c>Jellyfin</c> or <c>Emby</c>.</summary>
    public const string MediaServerKindSetting = "Aperture:MediaServer:Kind";

    /// <summary>The setting that chooses the embedding provider: <c>openai</c>, <c>ollama</c> or <c>local</c>.</summary>
    public const string EmbeddingProviderSetting = "Aperture:Embeddings:Provider";

    /// <summary>
    /// Registers everything the six movie jobs need: the configured media server and embedding provider, the SQLite
    /// store, the recommender, the library writer and the jobs.
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    /// <param name="configuration">The host's configuration (read here only for the two choices).</param>
    /// <param name="extraProviders">Embedding providers this host offers beyond openai, ollama and local.</param>
    /// <exception cref="InvalidSettingException">A choice is missing or names nothing known.</exception>
    public static IApertureBuilder AddFromConfiguration(
        this IApertureBuilder builder,
        IConfiguration configuration,
        params IReadOnlyList<(string Name, Action<IApertureBuilder> Register)> extraProviders) =>
        builder
            .AddMediaServerFromConfiguration(configuration)
            .AddEmbeddingsFromConfiguration(configuration, extraProviders)
            .AddSqliteStore()
            .AddRecommender()
            .AddLibraryWriter()
            .AddMovieJobs();

    /// <summary>Registers the Jellyfin or Emby client, as <c>Aperture:MediaServer:Kind</c> says.</summary>
    /// <exception cref="InvalidSettingException">The setting is missing or is neither Jellyfin nor Emby.</exception>
    public static IApertureBuilder AddMediaServerFromConfiguration(this IApertureBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var kind = configuration[MediaServerKindSetting]?.Trim();
        return kind?.ToUpperInvariant() switch
        {
            "JELLYFIN" => builder.AddJellyfin(),
            "EMBY" => builder.AddEmby(),
            null or "" => throw new InvalidSettingException($"{MediaServerKindSetting} is not set: set it to Jellyfin or Emby, the kind of server at Aperture:MediaServer:BaseUrl."),
            _ => throw new InvalidSettingException($"{MediaServerKindSetting} is '{kind}', which is not a server Aperture knows: set it to Jellyfin or Emby."),
        };
    }

    /// <summary>Registers the embedding provider <c>Aperture:Embeddings:Provider</c> names.</summary>
    /// <exception cref="InvalidSettingException">The setting is missing or names no provider this host offers.</exception>
    public static IApertureBuilder AddEmbeddingsFromConfiguration(
        this IApertureBuilder builder,
        IConfiguration configuration,
        params IReadOnlyList<(string Name, Action<IApertureBuilder> Register)> extraProviders)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        List<(string Name, Action<IApertureBuilder> Register)> providers =
        [
            ("openai", static aperture => aperture.AddOpenAIEmbeddings()),
            ("ollama", static aperture => aperture.AddOllamaEmbeddings()),
            ("local", static aperture => aperture.AddLocalEmbeddings()),
            .. extraProviders,
        ];
        var names = string.Join(", ", providers.Select(static provider => provider.Name));
        var name = configuration[EmbeddingProviderSetting]?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidSettingException($"{EmbeddingProviderSetting} is not set: set it to one of {names}.");
        }

        var chosen = providers.FirstOrDefault(provider => string.Equals(provider.Name, name, StringComparison.OrdinalIgnoreCase));
        if (chosen.Register is null)
        {
            throw new InvalidSettingException($"{EmbeddingProviderSetting} is '{name}', which is not a provider this program offers: set it to one of {names}.");
        }

        chosen.Register(builder);
        return builder;
    }
}
