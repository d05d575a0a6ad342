using System.Globalization;
using Aperture.Catalog;
using Aperture.Libraries;
using Aperture.MediaServers;
using Aperture.Recommendations;
using Aperture.Storage;

namespace Aperture.Jobs.Movies;

/// <summary>
/// <c>sync-movie-libraries</c>: writes the latest picks of every user the <see cref="UserSelection"/> selects as
/// their library folder, makes sure their media server library exists at the server-visible path and that they can
/// see it, scans it when something changed, and removes the folders and libraries of users no longer selected.
/// </summary>
internal sealed class SyncLibrariesJob : IJob
{
    private const int StepCount = 3;

    private readonly UserSelection _users;
    private readonly IRecommendationStore _recommendations;
    private readonly IMovieCatalogStore _catalog;
    private readonly IMediaServerClient _server;
    private readonly ILibraryWriter _writer;

    /// <summary>Creates the job.</summary>
    public SyncLibrariesJob(UserSelection users, IRecommendationStore recommendations, IMovieCatalogStore catalog, IMediaServerClient server, ILibraryWriter writer)
    {
        _users = users;
        _recommendations = recommendations;
        _catalog = catalog;
        _server = server;
        _writer = writer;
    }

    /// <inheritdoc />
    public string Name => MovieJobNames.SyncLibraries;

    /// <inheritdoc />
    public string Description => "Writes each enabled user's AI picks as a library folder, keeps their media server library and access in place, and scans it when it changed.";

    /// <inheritdoc />
    public JobSchedule DefaultSchedule { get; } = JobSchedule.After(MovieJobNames.GenerateRecommendations);

    /// <inheritdoc />
    public bool IsManualOnly => false;

    /// <inheritdoc />
    public IReadOnlyList<string> Prerequisites { get; } = [MovieJobNames.GenerateRecommendations];

    /// <inheritdoc />
    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = context.Progress;
        var log = context.Logger;

        progress.BeginStep(0, StepCount, "Finding enabled users");
        var users = (await _users.SelectAsync(cancellationToken).ConfigureAwait(false)).Selected;
        var server = await _server.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        var libraryNames = (await _server.GetLibrariesAsync(cancellationToken).ConfigureAwait(false))
            .Select(library => library.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        progress.BeginStep(1, StepCount, "Writing libraries", users.Count);
        var totals = new SyncLibrariesTotals();
        var failures = new List<string>();
        foreach (var user in users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var outcome = await SyncUserAsync(user, server, libraryNames, cancellationToken).ConfigureAwait(false);
                totals.Add(outcome);
                SyncLibrariesLog.UserSynced(log, outcome);
            }
            catch (ApertureException exception) when (exception is not (MediaServerAuthenticationException or MediaServerUnavailableException))
            {
                // One user's folder or library failing (a foreign folder in the way, a full disk) must not keep the
                // others from their picks; the run still fails at the end so the problem is seen.
                failures.Add($"{user.User.Name}: {exception.Message}");
                SyncLibrariesLog.UserFailed(log, user.User.Name, user.Id, exception);
            }

            progress.Advance(1, user.User.Name);
        }

        progress.BeginStep(2, StepCount, "Removing libraries of users no longer enabled");
        var enabledIds = users.Select(user => user.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (await _writer.GetUserLibrariesAsync(cancellationToken).ConfigureAwait(false)).Where(library => !enabledIds.Contains(library.UserId)))
        {
            await _server.RemoveLibraryAsync(stale.LibraryName, cancellationToken).ConfigureAwait(false);
            await _writer.RemoveUserAsync(stale.UserId, cancellationToken).ConfigureAwait(false);
            totals.UsersRemoved++;
            SyncLibrariesLog.UserRemoved(log, stale.UserName, stale.UserId, stale.LibraryName);
        }

        var summary = totals.Summary(users.Count);
        if (failures.Count > 0)
        {
            throw new ApertureException(
                $"{summary}. The libraries of {failures.Count.ToString(CultureInfo.InvariantCulture)} user(s) could not be written: {string.Join(" | ", failures)}");
        }

        return new JobResult(summary, totals.Users, users.Count, totals.ToCounts());
    }

    private async Task<SyncLibrariesUserOutcome> SyncUserAsync(UserAccount user, MediaServerInfo server, HashSet<string> libraryNames, CancellationToken cancellationToken)
    {
        var picks = await _recommendations.GetLatestAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (picks is null)
        {
            return SyncLibrariesUserOutcome.SkippedUser(user, "no recommendations yet: run generate-movie-recommendations first");
        }

        var (entries, skipped) = await ToEntriesAsync(picks, cancellationToken).ConfigureAwait(false);
        var written = await _writer.WriteAsync(new LibraryWriteRequest(user.Id, user.User.Name, entries, server), cancellationToken).ConfigureAwait(false);
        var library = await _server.EnsureMovieLibraryAsync(written.Library.LibraryName, written.Library.ServerPath, cancellationToken).ConfigureAwait(false);
        var created = libraryNames.Add(library.Name);
        await _server.GrantLibraryAccessAsync(user.Id, library.Id, cancellationToken).ConfigureAwait(false);
        if (written.PreviousLibraryName is { } previous && !string.Equals(previous, library.Name, StringComparison.OrdinalIgnoreCase))
        {
            await _server.RemoveLibraryAsync(previous, cancellationToken).ConfigureAwait(false);
            libraryNames.Remove(previous);
        }

        var scanned = written.Changed || created;
        if (scanned)
        {
            await _server.RefreshLibraryAsync(library.Id, cancellationToken).ConfigureAwait(false);
        }

        return new SyncLibrariesUserOutcome(user.Id, user.User.Name, written, [.. skipped, .. written.Skipped], created, scanned, null);
    }

    // Picks whose movie left the catalogue, or was removed from the server since the picks were made, have no file
    // to point at: they are skipped, not written, and the ranks of the others are kept (no renumbering, so one
    // missing movie does not rename every folder after it).
    private async Task<(List<LibraryEntry> Entries, List<SkippedMovie> Skipped)> ToEntriesAsync(RecommendationSet picks, CancellationToken cancellationToken)
    {
        var movies = (await _catalog.GetMoviesByIdAsync([.. picks.Picks.Select(pick => pick.MovieId)], cancellationToken).ConfigureAwait(false))
            .ToDictionary(movie => movie.Id);
        var entries = new List<LibraryEntry>(picks.Picks.Count);
        var skipped = new List<SkippedMovie>();
        foreach (var pick in picks.Picks)
        {
            if (!movies.TryGetValue(pick.MovieId, out var movie))
            {
                skipped.Add(new SkippedMovie(pick.Rank, pick.MovieId, pick.MovieId.ToString(), "the movie is no longer in the catalogue"));
            }
            else if (!movie.IsActive)
            {
                skipped.Add(new SkippedMovie(pick.Rank, pick.MovieId, movie.DisplayTitle, "the movie was removed from the media server"));
            }
            else
            {
                entries.Add(new LibraryEntry(pick.Rank, movie, pick.Explanation));
            }
        }

        return (entries, skipped);
    }
}
