using Aperture.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aperture;

/// <summary>
/// Registers the embedding provider: OpenAI, Ollama, or any Microsoft.Extensions.AI generator. Each method
/// registers <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (the provider behind Aperture's batching,
/// retry and dimension check), <see cref="IActiveEmbeddingModel"/>, <see cref="IMovieTextBuilder"/> and
/// <see cref="IEmbeddingMaintenance"/>. One provider is active: the last one registered wins.
/// </summary>
/// <remarks>
/// Options are bound from <c>Aperture:Embeddings</c> (when an <c>IConfiguration</c> is registered), then the
/// <c>configure</c> delegate runs; they are validated when the host starts.
/// </remarks>
public static class EmbeddingsApertureBuilderExtensions
{
    internal const string OpenAIHttpClientName = "Aperture.Embeddings.OpenAI";
    internal const string OllamaHttpClientName = "Aperture.Embeddings.Ollama";

    /// <summary>
    /// Uses OpenAI (or a server with OpenAI's <c>/v1/embeddings</c> API, via <see cref="OpenAIEmbeddingOptions.BaseUrl"/>)
    /// through Microsoft.Extensions.AI.OpenAI. Default model <c>text-embedding-3-small</c> (1 536 dimensions).
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    /// <param name="configure">Sets options in code (after configuration binding), for example the API key.</param>
    public static IApertureBuilder AddOpenAIEmbeddings(this IApertureBuilder builder, Action<OpenAIEmbeddingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddOptions<OpenAIEmbeddingOptions, OpenAIEmbeddingOptionsValidator>(builder.Services, configure);
        builder.Services.AddHttpClient(OpenAIHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        return AddProvider<OpenAIEmbeddingOptions>(builder, (services, options) =>
        {
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(OpenAIHttpClientName);
            var known = KnownEmbeddingModels.Find(options.Model);

            // A shortened model makes vectors that do not compare with the full-size ones: a set of its own.
            var modelName = options.Dimensions is { } requested && requested != known ? $"{options.Model}@{requested}" : options.Model;
            var endpoint = options.BaseUrl is { } baseUrl ? Display(baseUrl) : "https://api.openai.com/v1";
            var isOpenAI = options.BaseUrl is null;
            var description = new EmbeddingProviderDescription(
                isOpenAI ? "OpenAI (https://api.openai.com/v1)" : $"The OpenAI-compatible server at {endpoint}",
                $"openai:{modelName}",
                options.Model,
                "Check Aperture:Embeddings:ApiKey (or the ApiKey set in AddOpenAIEmbeddings): it must be a valid, active key with access to the model.",
                "Set Aperture:Embeddings:Model to an embedding model the key can use, for example text-embedding-3-small.",
                "Set Aperture:Embeddings:Dimensions to the size the model really makes (or remove it to use the model's own size), or choose the model that makes vectors of the configured size.",
                isOpenAI ? " (check the network connection to api.openai.com)" : $" (check that {endpoint} is running and reachable)",
                options.ApiKey);
            var generator = OpenAICompatibleGeneratorFactory.Create(http, options.BaseUrl, options.ApiKey, options.Model, options.Dimensions, options.RequestTimeout);
            return new EmbeddingProviderSetup(generator, "openai", modelName, options.Dimensions ?? known, description);
        });
    }

    /// <summary>
    /// Uses an Ollama server (default <c>http://localhost:11434</c>, model <c>nomic-embed-text</c>, 768 dimensions).
    /// </summary>
    /// <remarks>
    /// Ollama is called on its OpenAI-compatible endpoint (<c>/v1/embeddings</c>) through the same OpenAI SDK path as
    /// <see cref="AddOpenAIEmbeddings"/>, rather than through a dedicated client of its native <c>/api/embed</c>:
    /// one wire format, one error model (status codes, <c>Retry-After</c>) and one set of tests cover both; the
    /// endpoint takes a whole batch of texts per request; and no further dependency is needed. What the native API
    /// adds (<c>keep_alive</c>, <c>truncate</c>, model pulls) is not needed to embed movies.
    /// </remarks>
    /// <param name="builder">The Aperture builder.</param>
    /// <param name="configure">Sets options in code (after configuration binding).</param>
    public static IApertureBuilder AddOllamaEmbeddings(this IApertureBuilder builder, Action<OllamaEmbeddingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddOptions<OllamaEmbeddingOptions, OllamaEmbeddingOptionsValidator>(builder.Services, configure);
        builder.Services.AddHttpClient(OllamaHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        return AddProvider<OllamaEmbeddingOptions>(builder, (services, options) =>
        {
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(OllamaHttpClientName);
            var root = options.BaseUrl.ToString().TrimEnd('/');
            var shown = Display(options.BaseUrl);
            var description = new EmbeddingProviderDescription(
                $"Ollama at {shown}",
                $"ollama:{options.Model}",
                options.Model,
                "Ollama itself needs no key, so a proxy in front of it refused the request: check the proxy's settings.",
                $"Pull it on the Ollama server (ollama pull {options.Model}) or set Aperture:Embeddings:Model to a model the server has.",
                "Set Aperture:Embeddings:Dimensions to the size the model really makes, or remove it to learn the size from the model.",
                $" (is Ollama running at {shown}? Start it with 'ollama serve', or set Aperture:Embeddings:BaseUrl)",
                null);
            var generator = OpenAICompatibleGeneratorFactory.Create(http, new Uri(root + "/v1"), null, options.Model, null, options.RequestTimeout);
            return new EmbeddingProviderSetup(generator, "ollama", options.Model, options.Dimensions ?? KnownEmbeddingModels.Find(options.Model), description);
        });
    }

    /// <summary>
    /// Uses an application's own Microsoft.Extensions.AI embedding generator, behind Aperture's batching, retry
    /// and dimension check (pipeline options bound from <c>Aperture:Embeddings</c>).
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    /// <param name="generator">The generator. The service provider disposes it with the pipeline.</param>
    /// <param name="provider">The provider part of the model key (for example <c>azure</c>); stored lower case.</param>
    /// <param name="model">The model part of the model key; a different model is a different vector set.</param>
    /// <param name="dimensions">The vector length, or <see langword="null"/> to learn it with one probe request.</param>
    /// <param name="configure">Sets pipeline options in code (batch size, concurrency, retries).</param>
    public static IApertureBuilder AddEmbeddingGenerator(
        this IApertureBuilder builder,
        IEmbeddingGenerator<string, Embedding<float>> generator,
        string provider,
        string model,
        int? dimensions = null,
        Action<EmbeddingProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return builder.AddEmbeddingGenerator(_ => generator, provider, model, dimensions, configure);
    }

    /// <summary>
    /// Uses an application's own Microsoft.Extensions.AI embedding generator, created from the services, behind
    /// Aperture's batching, retry and dimension check (pipeline options bound from <c>Aperture:Embeddings</c>).
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    /// <param name="factory">Creates the generator (once).</param>
    /// <param name="provider">The provider part of the model key (for example <c>azure</c>); stored lower case.</param>
    /// <param name="model">The model part of the model key; a different model is a different vector set.</param>
    /// <param name="dimensions">The vector length, or <see langword="null"/> to learn it with one probe request.</param>
    /// <param name="configure">Sets pipeline options in code (batch size, concurrency, retries).</param>
    public static IApertureBuilder AddEmbeddingGenerator(
        this IApertureBuilder builder,
        Func<IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> factory,
        string provider,
        string model,
        int? dimensions = null,
        Action<EmbeddingProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (dimensions is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "Dimensions must be 1 or more, or null to learn them from the provider.");
        }

        AddOptions<EmbeddingProviderOptions, EmbeddingProviderOptionsValidator>(builder.Services, configure);
        var providerKey = provider.Trim().ToLowerInvariant();
        var modelName = model.Trim();
        return AddProvider<EmbeddingProviderOptions>(builder, (services, _) => new EmbeddingProviderSetup(
            factory(services) ?? throw new InvalidOperationException("The factory passed to AddEmbeddingGenerator returned null."),
            providerKey,
            modelName,
            dimensions,
            EmbeddingProviderDescription.ForGenerator($"{providerKey}:{modelName}", modelName)));
    }

    /// <summary>A URL as messages show it: without user info or query, which may hold credentials.</summary>
    private static string Display(Uri url) =>
        url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/') : url.ToString();

    private static void AddOptions<TOptions, TValidator>(IServiceCollection services, Action<TOptions>? configure)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        // Bound only when the host has a configuration, so a plain service collection works too.
        var options = services.AddOptions<TOptions>().Configure<IServiceProvider>(static (options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(EmbeddingProviderOptions.SectionName).Bind(options));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        options.ValidateOnStart();
    }

    private static IApertureBuilder AddProvider<TOptions>(IApertureBuilder builder, Func<IServiceProvider, TOptions, EmbeddingProviderSetup> setup)
        where TOptions : EmbeddingProviderOptions
    {
        var services = builder.Services;

        // The last provider registered wins: exactly one pipeline, generator and active model.
        services.RemoveAll<EmbeddingPipeline>();
        services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
        services.RemoveAll<IActiveEmbeddingModel>();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            return new EmbeddingPipeline(
                setup(sp, options),
                options,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        });
        services.AddSingleton(sp => sp.GetRequiredService<EmbeddingPipeline>().Generator);
        services.AddSingleton<IActiveEmbeddingModel>(sp => sp.GetRequiredService<EmbeddingPipeline>().ActiveModel);
        services.TryAddSingleton<IMovieTextBuilder, MovieTextBuilder>();
        services.TryAddSingleton<IEmbeddingMaintenance, EmbeddingMaintenance>();
        return builder;
    }
}
