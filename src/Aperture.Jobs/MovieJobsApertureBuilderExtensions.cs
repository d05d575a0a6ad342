using Aperture.Jobs;
using Aperture.Jobs.Movies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aperture;

/// <summary>Registers the six movie jobs, all at once (<c>builder.AddMovieJobs()</c>) or one by one.</summary>
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

    /// <summary>
    /// Adds <c>sync-movies</c>, configured from <c>Aperture:Jobs:SyncMovies</c> and then <paramref name="configure"/>,
    /// validated on start.
    /// </summary>
    public static IApertureBuilder AddSyncMoviesJob(this IApertureBuilder builder, Action<SyncMoviesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SyncMoviesOptions>().BindConfiguration(SyncMoviesOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncMoviesOptions>, SyncMoviesOptionsValidator>());
        return builder.AddJob<SyncMoviesJob>();
    }

    /// <summary>
    /// Adds <c>sync-movie-watch-history</c> (variant <c>full</c> for a complete resync), configured from
    /// <c>Aperture:Jobs:SyncWatchHistory</c> and then <paramref name="configure"/>, validated on start, and the
    /// user selection it shares with the other per-user jobs (<see cref="UserSelectionApertureBuilderExtensions.AddUserSelection"/>).
    /// </summary>
    public static IApertureBuilder AddSyncWatchHistoryJob(this IApertureBuilder builder, Action<SyncWatchHistoryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SyncWatchHistoryOptions>().BindConfiguration(SyncWatchHistoryOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncWatchHistoryOptions>, SyncWatchHistoryOptionsValidator>());
        return builder.AddUserSelection().AddJob<SyncWatchHistoryJob>();
    }

    /// <summary>
    /// Registers the <c>generate-movie-embeddings</c> job (and the job engine if it is not registered yet). It needs a
    /// store and an embedding provider (<c>AddOpenAIEmbeddings</c>, <c>AddOllamaEmbeddings</c>,
    /// <c>AddLocalEmbeddings</c> or <c>AddEmbeddingGenerator</c>); without a provider the host still starts and the
    /// job fails with a message saying how to configure one.
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    public static IApertureBuilder AddGenerateMovieEmbeddingsJob(this IApertureBuilder builder) =>
        builder.AddJob<GenerateEmbeddingsJob>();

    /// <summary>
    /// Registers the <c>generate-movie-recommendations</c> job (and the job engine if it is not registered yet). It needs
    /// a store and a recommender (<c>AddRecommender</c>, which needs an embedding provider).
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    public static IApertureBuilder AddGenerateMovieRecommendationsJob(this IApertureBuilder builder) =>
        builder.AddUserSelection().AddJob<GenerateRecommendationsJob>();

    /// <summary>
    /// Registers the manual-only <c>full-reset-movie-recommendations</c> job (and the job engine if it is not registered
    /// yet). It needs a store and a recommender (<c>AddRecommender</c>).
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    public static IApertureBuilder AddFullResetMovieRecommendationsJob(this IApertureBuilder builder) =>
        builder.AddUserSelection().AddJob<FullResetRecommendationsJob>();

    /// <summary>
    /// Adds <c>sync-movie-libraries</c>, the user selection it shares with the other per-user jobs
    /// (<see cref="UserSelectionApertureBuilderExtensions.AddUserSelection"/>), and the job engine if it is not
    /// registered yet. It needs a store (<c>AddSqliteStore</c>), a media server client (<c>AddJellyfin</c> or
    /// <c>AddEmby</c>) and the library writer (<c>AddLibraryWriter</c>).
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    public static IApertureBuilder AddSyncMovieLibrariesJob(this IApertureBuilder builder) =>
        builder.AddUserSelection().AddJob<SyncLibrariesJob>();
}
