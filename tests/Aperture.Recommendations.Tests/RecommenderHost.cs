using Aperture.Embeddings;
using Aperture.Storage;
using Aperture.Testing;
using Aperture.Testing.Data;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Recommendations.Tests;

/// <summary>The recommender composed as an application would: DI, the in-memory store, a fixed active model.</summary>
internal sealed class RecommenderHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private RecommenderHost(ServiceProvider provider, SyntheticServer server)
    {
        _provider = provider;
        Server = server;
    }

    public SyntheticServer Server { get; }

    public IApertureStore Store => _provider.GetRequiredService<IApertureStore>();

    public IRecommender Recommender => _provider.GetRequiredService<IRecommender>();

    public IRecommendationEvaluator Evaluator => _provider.GetRequiredService<IRecommendationEvaluator>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public Microsoft.Extensions.Options.IOptions<RecommendationOptions> Options => _provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<RecommendationOptions>>();

    public static async Task<RecommenderHost> StartAsync(
        SyntheticServer server,
        Action<RecommendationOptions>? configure = null,
        IChatClient? chatClient = null,
        IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(server.Options.Now));
        services.AddFakeLogging();
        if (chatClient is not null)
        {
            services.AddSingleton(chatClient);
        }

        services.AddAperture(aperture => aperture.AddInMemoryStore().AddRecommender(configure));
        services.AddSingleton<IActiveEmbeddingModel>(new FixedActiveModel(server.Model ?? new EmbeddingModelId("synthetic", "none", 8)));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var stored = await server.StoreAsync(provider.GetRequiredService<IApertureStore>());
        return new RecommenderHost(provider, stored);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
