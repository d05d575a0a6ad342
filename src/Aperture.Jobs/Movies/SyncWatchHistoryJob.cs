using System.Globalization;
using Aperture.Catalog;
using Aperture.MediaServers;
using Aperture.Storage;
using Microsoft.Extensions.Options;

namespace Aperture.Jobs.Movies;

/// <summary>
/// <c>sync-movie-watch-history</c>: imports the server's users, then each selected user's watch states (played,
/// play count, last played, favourite, resume position). The regular run reads only what changed since that user's
/// last successful sync and never deletes; the <c>full</c> variant reads everything and clears the states the server
/// no longer reports (un-played, un-favourited, removed). A user's watermark advances only when their sync succeeded,
/// and one failing user does not stop the others.
/// </summary>
internal sealed class SyncWatchHistoryJob(
    IMediaServerClient server,
    IUserStore users,
    IMovieCatalogStore catalog,
    IWatchHistoryStore history,
    ISyncStateStore syncState,
    UserSelection selection,
    IOptions<SyncWatchHistoryOptions> options) : IJob
{
    /// <summary>The prefix of each user's watermark key in <see cref="ISyncStateStore"/>.</summary>
    public const string WatermarkKeyPrefix = MovieJobNames.SyncWatchHistory + ":";

    private readonly SyncWatchHistoryOptions _options = options.Value;

    /// <inheritdoc />
    public string Name => MovieJobNames.SyncWatchHistory;

    /// <inheritdoc />
    public string Description => "Imports each enabled user's watch history (played, play count, last played, favourite, resume position); variant 'full' resyncs everything.";

    /// <inheritdoc />
    public JobSchedule DefaultSchedule { get; } = JobSchedule.OnCron("0 */2 * * *");

    /// <inheritdoc />
    public bool IsManualOnly => false;

    /// <inheritdoc />
    public IReadOnlyList<string> Prerequisites => [MovieJobNames.SyncMovies];

    /// <summary>The key under which a user's watermark is stored.</summary>
    public static string WatermarkKey(string userId) => WatermarkKeyPrefix + userId;

    /// <inheritdoc />
    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var full = context.IsVariant(MovieJobNames.FullVariant);
        if (!full && context.Variant is { Length: > 0 } variant)
        {
            throw new ArgumentException($"{Name} has no variant '{variant}': run it without a variant (incremental) or with '{MovieJobNames.FullVariant}'.", nameof(context));
        }

        var progress = context.Progress;
        progress.BeginStep(0, 2, "Reading users");
        var serverUsers = await server.GetUsersAsync(cancellationToken).ConfigureAwait(false);
        await users.UpsertUsersAsync(serverUsers, cancellationToken).ConfigureAwait(false);
        var onServer = serverUsers.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var chosen = await selection.SelectAsync(cancellationToken).ConfigureAwait(false);
        var selected = chosen.Selected.Where(u => onServer.Contains(u.Id)).ToList();
        foreach (var skipped in chosen.Skipped)
        {
            context.Logger.UserSkipped(skipped.User.User.Name, skipped.Reason);
        }

        var resolver = new SyncWatchStateResolver(await catalog.GetMoviesAsync(includeRemoved: true, cancellationToken).ConfigureAwait(false));
        context.Logger.SyncingUsers(full ? "full" : "incremental", selected.Count, chosen.Skipped.Count);

        progress.BeginStep(1, 2, "Syncing watch history", selected.Count);
        var tally = new Tally();
        Exception? firstError = null;
        foreach (var user in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await SyncUserAsync(user, full, resolver, tally, context, cancellationToken).ConfigureAwait(false);
                tally.Succeeded++;
            }
            catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                context.Logger.UserFailed(user.User.Name, exception);
                firstError ??= exception;
                tally.Failed++;
            }

            progress.Advance(1, user.User.Name);
        }

        if (tally.Failed > 0 && tally.Succeeded == 0)
        {
            throw new ApertureException(
                $"The watch history of all {tally.Failed} users failed to sync; no watermark moved. First error: {firstError!.Message}", firstError);
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{selected.Count} users ({(full ? "full" : "incremental")}): {tally.Succeeded} synced, {tally.Failed} failed, {chosen.Skipped.Count} skipped; {tally.States:N0} states read, {tally.Changed:N0} stored, {tally.Cleared:N0} cleared, {tally.Unmatched:N0} not in the catalogue");
        return new JobResult(summary, tally.Succeeded + tally.Failed, selected.Count, new Dictionary<string, long>
        {
            ["users"] = selected.Count,
            ["succeeded"] = tally.Succeeded,
            ["failed"] = tally.Failed,
            ["skipped"] = chosen.Skipped.Count,
            ["states"] = tally.States,
            ["changed"] = tally.Changed,
            ["cleared"] = tally.Cleared,
            ["unmatched"] = tally.Unmatched,
        });
    }

    private async Task SyncUserAsync(UserAccount user, bool full, SyncWatchStateResolver resolver, Tally tally, JobContext context, CancellationToken cancellationToken)
    {
        var key = WatermarkKey(user.Id);

        // Taken before reading, so a change made while the user is read is read again next time.
        var startedAt = context.TimeProvider.GetUtcNow();
        var since = full ? null : await syncState.GetWatermarkAsync(key, cancellationToken).ConfigureAwait(false);
        var states = await server.GetWatchStatesAsync(user.Id, since, cancellationToken).ConfigureAwait(false);
        var resolved = resolver.Resolve(user.Id, states, out var unmatched);
        var changed = await history.UpsertWatchStatesAsync(resolved, cancellationToken).ConfigureAwait(false);
        var cleared = full
            ? await history.DeleteWatchStatesExceptAsync(user.Id, resolved.Select(s => s.MovieId).ToHashSet(), cancellationToken).ConfigureAwait(false)
            : 0;
        await syncState.SetWatermarkAsync(key, startedAt - _options.WatermarkOverlap, cancellationToken).ConfigureAwait(false);

        context.Logger.UserSynced(user.User.Name, states.Count, since is null ? "all" : "changed since the last sync", changed, cleared, unmatched);
        tally.States += states.Count;
        tally.Changed += changed;
        tally.Cleared += cleared;
        tally.Unmatched += unmatched;
    }

    /// <summary>Counts of the run.</summary>
    private sealed class Tally
    {
        public int Succeeded { get; set; }

        public int Failed { get; set; }

        public int States { get; set; }

        public int Changed { get; set; }

        public int Cleared { get; set; }

        public int Unmatched { get; set; }
    }
}
