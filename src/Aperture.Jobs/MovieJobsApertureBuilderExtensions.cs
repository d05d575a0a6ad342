using Aperture.Jobs;

namespace Aperture;

/// <summary>Registers the six movie jobs: <c>builder.AddMovieJobs()</c>.</summary>
public static class MovieJobsApertureBuilderExtensions
{
    /// <summary>
    /// Registers the six movie jobs, and the job engine if it is not registered yet: <c>sync-movies</c>,
    /// <c>sync-movie-watch-history</c>, <c>generate-movie-embeddings</c>, <c>generate-movie-recommendations</c>,
    /// <c>full-reset-movie-recommendations</c> and <c>sync-movie-libraries</c>. Their options are bound from
    /// <c>Aperture:Jobs</c> and validated on start; to set them in code, or to register only some jobs, call the jobs'
    /// own methods (<c>AddSyncMoviesJob</c>, …) instead.
    /// </summary>
    /// <remarks>
    /// The jobs need a store (<c>AddSqliteStore</c>), a media server (<c>AddJellyfin</c> or <c>AddEmby</c>), an
    /// embedding provider (<c>AddOpenAIEmbeddings</c>, <c>AddOllamaEmbeddings</c>, <c>AddLocalEmbeddings</c> or
    /// <c>AddEmbeddingGenerator</c>), the recommender (<c>AddRecommender</c>) and the library writer
    /// (<c>AddLibraryWriter</c>). Add <c>AddScheduler</c> to run them on their schedules.
    /// </remarks>
    /// <param name="builder">The Aperture builder.</param>
    public static IApertureBuilder AddMovieJobs(this IApertureBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddSyncMoviesJob()
            .AddSyncWatchHistoryJob()
            .AddGenerateMovieEmbeddingsJob()
            .AddGenerateMovieRecommendationsJob()
            .AddFullResetMovieRecommendationsJob()
            .AddSyncMovieLibrariesJob();
    }
}
