using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Jobs.Movies;
using Aperture.Recommendations;
using Aperture.Storage;
using Aperture.Testing.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Aperture.Jobs.Tests.Movies.Recommendations;

/// <summary>
/// The two recommendation jobs over the in-memory store, filled from the synthetic generator, plus a user without
/// history and a user turned off in Aperture.
/// </summary>
internal sealed class RecommendationJobHarness : IAsyncDisposable
{
    public const string NewcomerId = "newcomer";

    private readonly ServiceProvider _provider;

    private RecommendationJobHarness(ServiceProvider provider, SyntheticServer server)
    {
        _provider = provider;
        Server = server;
    }

    public SyntheticServer Server { get; }

    public IApertureStore Store => _provider.GetRequiredService<IApertureStore>();

    public FakeTimeProvider Time => (FakeTimeProvider)_provider.GetRequiredService<TimeProvider>();

    public GenerateRecommendationsJob Generate => _provider.GetRequiredService<GenerateRecommendationsJob>();

    public FullResetRecommendationsJob Reset => _provider.GetRequiredService<FullResetRecommendationsJob>();

    /// <summary>The users with history, in the generator's order; the last one is turned off in Aperture.</summary>
    public IReadOnlyList<MediaUser> Users => Server.Users;

    public string DisabledUserId => Server.Users[^1].Id;

    /// <summary>The store the jobs write picks to: the in-memory store, behind a switch that can refuse one user.</summary>
    public RefusingRecommendationStore PickStore => _provider.GetRequiredService<RefusingRecommendationStore>();

    /// <summary>The recommender the jobs use: the real one, behind a switch that can fail users or crash.</summary>
    public SabotagedRecommender Recommender => _provider.GetRequiredService<SabotagedRecommender>();

    public static async Task<RecommendationJobHarness> StartAsync(int users = 6, IReadOnlyList<string>? excludedUsers = null)
    {
        var server = SyntheticDataGenerator.Generate(new SyntheticDataOptions { Seed = 21, UserCount = users, MovieCount = 300, VectorDimensions = 16 });
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(server.Options.Now));
        services.AddLogging();
        services.AddAperture(aperture => aperture
            .AddInMemoryStore()
            .AddRecommender(o => o.PicksPerUser = 10)
            .AddUserSelection(o => o.Exclude = [.. excludedUsers ?? []])
            .AddGenerateMovieRecommendationsJob()
            .AddFullResetMovieRecommendationsJob());
        services.AddSingleton<IActiveEmbeddingModel>(new FixedActiveModel(server.Model!));
        services.AddSingleton(provider => new RefusingRecommendationStore(provider.GetRequiredService<IApertureStore>()));
        services.AddSingleton<IRecommendationStore>(provider => provider.GetRequiredService<RefusingRecommendationStore>());
        var recommender = services.Single(s => s.ServiceType == typeof(IRecommender));
        services.Remove(recommender);
        services.AddSingleton(provider => new SabotagedRecommender((IRecommender)ActivatorUtilities.CreateInstance(provider, recommender.ImplementationType!)));
        services.AddSingleton<IRecommender>(provider => provider.GetRequiredService<SabotagedRecommender>());

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var store = provider.GetRequiredService<IApertureStore>();
        var stored = await server.StoreAsync(store);
        await store.UpsertUsersAsync([new MediaUser { Id = NewcomerId, Name = "Newcomer" }]);
        await store.SetUserEnabledAsync(server.Users[^1].Id, enabled: false);
        return new RecommendationJobHarness(provider, stored);
    }

    public TestJobContext Context(string jobName) => new(jobName, timeProvider: Time);

    public async Task<Dictionary<string, RecommendationSet>> LatestAsync() =>
        (await Store.GetAllLatestAsync()).ToDictionary(s => s.Run.UserId, StringComparer.Ordinal);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed class FixedActiveModel(EmbeddingModelId model) : IActiveEmbeddingModel
    {
        public ValueTask<EmbeddingModelId> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(model);
    }
}
