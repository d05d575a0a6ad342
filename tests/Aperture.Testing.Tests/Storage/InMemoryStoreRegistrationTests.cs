using Microsoft.Extensions.DependencyInjection;

namespace Aperture.Storage;

public sealed class InMemoryStoreRegistrationTests
{
    [Fact]
    public void AddInMemoryStore_registers_one_instance_as_the_store_and_every_part()
    {
        var services = new ServiceCollection();
        services.AddAperture(aperture => aperture.AddInMemoryStore());
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IApertureStore>();

        Assert.IsType<InMemoryApertureStore>(store);
        Assert.Same(store, provider.GetRequiredService<IMovieCatalogStore>());
        Assert.Same(store, provider.GetRequiredService<IUserStore>());
        Assert.Same(store, provider.GetRequiredService<IWatchHistoryStore>());
        Assert.Same(store, provider.GetRequiredService<ISyncStateStore>());
        Assert.Same(store, provider.GetRequiredService<IEmbeddingStore>());
        Assert.Same(store, provider.GetRequiredService<IRecommendationStore>());
        Assert.Same(store, provider.GetRequiredService<IJobRunStore>());
    }

    [Fact]
    public void A_later_store_registration_replaces_an_earlier_one()
    {
        var services = new ServiceCollection();
        var mine = new InMemoryApertureStore();
        services.AddAperture(aperture => aperture.AddInMemoryStore().AddStore(_ => mine));
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, Assert.Single(provider.GetServices<IApertureStore>()));
        Assert.Same(mine, Assert.Single(provider.GetServices<IJobRunStore>()));
    }
}
