using Aperture.Jobs;
using Aperture.Jobs.Movies;

namespace Aperture;

/// <summary>Registers the <c>sync-movie-libraries</c> job.</summary>
public static class SyncLibrariesJobApertureBuilderExtensions
{
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
