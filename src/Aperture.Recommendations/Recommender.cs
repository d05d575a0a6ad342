using Aperture.Embeddings;
using Aperture.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aperture.Recommendations;

/// <summary>
/// The hybrid recommender: reads the catalogue, the active model's vectors and every watch state from the store,
/// and opens a <see cref="RecommendationSession"/> over them.
/// </summary>
internal sealed class Recommender(
    IActiveEmbeddingModel activeModel,
    IMovieCatalogStore catalog,
    IEmbeddingStore embeddings,
    IWatchHistoryStore watchHistory,
    IOptionsMonitor<RecommendationOptions> options,
    IServiceProvider services,
    TimeProvider timeProvider,
    ILogger<Recommender> logger) : IRecommender
{
    public async Task<IRecommendationSession> CreateSessionAsync(CancellationToken cancellationToken = default)
    {
        var dataset = await LoadAsync(activeModel, catalog, embeddings, watchHistory, timeProvider, logger, cancellationToken).ConfigureAwait(false);
        var settings = options.CurrentValue.Clone();
        return new RecommendationSession(dataset, settings, CreateExplainer(settings), timeProvider, logger, cancellationToken);
    }

    /// <summary>Reads one consistent dataset from the store.</summary>
    /// <exception cref="RecommendationException">The store holds no usable vector of the active model.</exception>
    internal static async Task<RecommendationDataset> LoadAsync(
        IActiveEmbeddingModel activeModel,
        IMovieCatalogStore catalog,
        IEmbeddingStore embeddings,
        IWatchHistoryStore watchHistory,
        TimeProvider timeProvider,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var model = await activeModel.GetAsync(cancellationToken).ConfigureAwait(false);

        // Removed movies too: what a user watched before it left the server still tells their taste.
        var movies = await catalog.GetMoviesAsync(includeRemoved: true, cancellationToken).ConfigureAwait(false);
        var vectors = await embeddings.GetVectorsAsync(model.Key, cancellationToken).ConfigureAwait(false);
        var states = await watchHistory.GetAllWatchStatesAsync(cancellationToken).ConfigureAwait(false);
        var dataset = RecommendationDataset.Create(model, movies, vectors, states, timeProvider.GetUtcNow());
        if (dataset.SkippedVectors > 0)
        {
            Log.VectorsSkipped(logger, dataset.SkippedVectors, model.Key, model.Dimensions);
        }

        if (dataset.Movies.Length == 0)
        {
            throw new RecommendationException(
                $"The store holds no usable vector of the embedding model {model} for any movie, so there is nothing to recommend; run generate-movie-embeddings first (after sync-movies).");
        }

        return dataset;
    }

    private IPickExplainer? CreateExplainer(RecommendationOptions settings)
    {
        switch (settings.Explanations)
        {
            case ExplanationMode.None:
                return null;
            case ExplanationMode.Chat when services.GetService<IChatClient>() is { } chatClient:
                return new ChatExplainer(chatClient, settings, timeProvider, logger);
            case ExplanationMode.Chat:
                Log.NoChatClient(logger);
                return new TemplateExplainer();
            default:
                return new TemplateExplainer();
        }
    }
}
