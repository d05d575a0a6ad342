using Aperture.Jobs;
using Aperture.Jobs.Movies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aperture;

/// <summary>
/// Registers <c>sync-movies</c> and <c>sync-movie-watch-history</c> (and the job engine). They need an
/// <see cref="MediaServers.IMediaServerClient"/> (<c>AddJellyfin</c>/<c>AddEmby</c>) and a store (<c>AddSqliteStore</c>).
/// </summary>
public static class SyncJobsApertureBuilderExtensions
{
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
}
