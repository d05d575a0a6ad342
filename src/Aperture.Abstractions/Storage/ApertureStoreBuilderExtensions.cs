using Aperture.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aperture;

/// <summary>Registers a store implementation with <see cref="IApertureBuilder"/>.</summary>
public static class ApertureStoreBuilderExtensions
{
    /// <summary>
    /// Registers the singleton made by <paramref name="factory"/> as <see cref="IApertureStore"/> and as each of its
    /// parts (<see cref="IMovieCatalogStore"/>, <see cref="IUserStore"/>, …), replacing any store registered before.
    /// Store packages call this from their own methods (<c>AddSqliteStore</c>, <c>AddInMemoryStore</c>); call it
    /// directly to plug in a store of your own.
    /// </summary>
    public static IApertureBuilder AddStore<TStore>(this IApertureBuilder builder, Func<IServiceProvider, TStore> factory)
        where TStore : class, IApertureStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        var services = builder.Services;
        services.RemoveAll<IApertureStore>();
        services.AddSingleton<IApertureStore>(factory);
        Forward<IMovieCatalogStore>(services);
        Forward<IUserStore>(services);
        Forward<IWatchHistoryStore>(services);
        Forward<ISyncStateStore>(services);
        Forward<IEmbeddingStore>(services);
        Forward<IRecommendationStore>(services);
        Forward<IJobRunStore>(services);
        return builder;
    }

    private static void Forward<TPart>(IServiceCollection services)
        where TPart : class
    {
        services.RemoveAll<TPart>();
        services.AddSingleton<TPart>(static provider => (TPart)provider.GetRequiredService<IApertureStore>());
    }
}
