namespace Aperture.Storage;

/// <summary>
/// Everything Aperture persists, in one store. Implementations register this and each part
/// (<see cref="IMovieCatalogStore"/>, <see cref="IUserStore"/>, …) as the same instance. Every operation is
/// atomic; a failure leaves what was stored before unchanged.
/// </summary>
public interface IApertureStore :
    IMovieCatalogStore,
    IUserStore,
    IWatchHistoryStore,
    ISyncStateStore,
    IEmbeddingStore,
    IRecommendationStore,
    IJobRunStore
{
}
