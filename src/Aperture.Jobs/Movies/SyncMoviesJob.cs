using System.Globalization;
using Aperture.Catalog;
using Aperture.MediaServers;
using Aperture.Storage;
using Microsoft.Extensions.Options;

namespace Aperture.Jobs.Movies;

/// <summary>
/// <c>sync-movies</c>: imports every movie of the chosen libraries. New movies are added, changed ones updated (a
/// movie whose server id changed is matched by TMDb/IMDb id or title and year, and updated, not duplicated), and
/// movies gone from the server are marked removed, never deleted: only after a complete listing of their library,
/// and only once the server confirms each of them is really gone. A movie that comes back is un-marked.
/// </summary>
internal sealed class SyncMoviesJob(IMediaServerClient server, IMovieCatalogStore catalog, IOptions<SyncMoviesOptions> options) : IJob
{
    private readonly SyncMoviesOptions _options = options.Value;

    /// <inheritdoc />
    public string Name => MovieJobNames.SyncMovies;

    /// <inheritdoc />
    public string Description => "Imports the movies of the media server's movie libraries: adds new ones, updates changed ones and marks removed ones.";

    /// <inheritdoc />
    public JobSchedule DefaultSchedule { get; } = JobSchedule.OnCron("0 2 * * *");

    /// <inheritdoc />
    public bool IsManualOnly => false;

    /// <inheritdoc />
    public IReadOnlyList<string> Prerequisites => [];

    /// <inheritdoc />
    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = context.Progress;
        progress.BeginStep(0, 2, "Reading libraries");
        var info = await server.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        var libraries = await server.GetLibrariesAsync(cancellationToken).ConfigureAwait(false);
        await catalog.SaveLibrariesAsync(libraries, cancellationToken).ConfigureAwait(false);
        var chosen = SyncLibrarySelection.Select(libraries, _options);
        context.Logger.ImportingLibraries(chosen.Count, info.Kind, info.Name, string.Join(", ", chosen.Select(l => l.Name)));

        // Only the server ids of the active movies are kept: holding every stored movie whole through the import would
        // double the job's memory (20 000 movies with their cast and overviews are about 100 MB).
        var activeByLibrary = (await catalog.GetMoviesAsync(includeRemoved: false, cancellationToken).ConfigureAwait(false))
            .Where(m => m.LibraryId is not null)
            .ToLookup(m => m.LibraryId!, m => m.ServerId, StringComparer.Ordinal);
        var now = context.TimeProvider.GetUtcNow();
        var totals = new Tally();
        var failures = new List<string>();

        progress.BeginStep(1, 2, "Importing movies");
        foreach (var library in chosen)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tally = new Tally();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                await ImportAsync(library, seen, tally, context, cancellationToken).ConfigureAwait(false);
                tally.Removed = await MarkGoneAsync(library.Id, library.Name, activeByLibrary[library.Id], seen, now, context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is MediaServerException && exception is not MediaServerAuthenticationException)
            {
                // The listing is incomplete: what was read is stored, nothing of this library is marked removed.
                context.Logger.LibraryFailed(library.Name, exception);
                failures.Add($"{library.Name}: {exception.Message}");
                totals.Add(tally);
                continue;
            }

            context.Logger.LibraryImported(library.Name, seen.Count, tally.Added, tally.Updated, tally.Unchanged, tally.Removed);
            totals.Add(tally);
        }

        // Movies of libraries the server no longer has: the complete library list says they are gone (once the
        // server confirms each item is gone, in case it moved to another library).
        var serverLibraryIds = libraries.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var orphans = 0;
        foreach (var group in activeByLibrary.Where(g => !serverLibraryIds.Contains(g.Key)))
        {
            orphans += await MarkGoneAsync(group.Key, group.Key, group, [], now, context, cancellationToken).ConfigureAwait(false);
        }

        if (orphans > 0)
        {
            context.Logger.OrphansRemoved(orphans);
            totals.Removed += orphans;
        }

        if (failures.Count > 0)
        {
            throw new ApertureException(
                $"{failures.Count} of {chosen.Count} libraries could not be read completely; their movies were imported as far as read and none of them was marked removed. "
                + $"Run {MovieJobNames.SyncMovies} again once the server answers normally. {string.Join(" ", failures)}");
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{totals.Movies:N0} movies in {chosen.Count} libraries: {totals.Added:N0} added, {totals.Updated:N0} updated, {totals.Unchanged:N0} unchanged, {totals.Removed:N0} removed");
        return new JobResult(summary, totals.Movies, totals.Movies, new Dictionary<string, long>
        {
            ["libraries"] = chosen.Count,
            ["movies"] = totals.Movies,
            ["added"] = totals.Added,
            ["updated"] = totals.Updated,
            ["unchanged"] = totals.Unchanged,
            ["removed"] = totals.Removed,
        });
    }

    private async Task ImportAsync(MediaLibrary library, HashSet<string> seen, Tally tally, JobContext context, CancellationToken cancellationToken)
    {
        var batch = new List<Movie>(_options.BatchSize);
        await foreach (var movie in server.GetMoviesAsync(library.Id, cancellationToken).ConfigureAwait(false))
        {
            seen.Add(movie.ServerId);
            batch.Add(movie);
            if (batch.Count == _options.BatchSize)
            {
                await StoreAsync(batch, library, tally, context, cancellationToken).ConfigureAwait(false);
            }
        }

        await StoreAsync(batch, library, tally, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task StoreAsync(List<Movie> batch, MediaLibrary library, Tally tally, JobContext context, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var result = await catalog.UpsertMoviesAsync(batch, cancellationToken).ConfigureAwait(false);
        tally.Added += result.Added;
        tally.Updated += result.Updated;
        tally.Unchanged += result.Unchanged;
        tally.Movies += batch.Count;
        context.Progress.Advance(batch.Count, library.Name);
        batch.Clear();
    }

    /// <summary>
    /// Marks removed the active movies of a library that a complete listing did not show, except those the server
    /// still has: a listing that changed while it was read can skip an item without any sign.
    /// </summary>
    private async Task<int> MarkGoneAsync(string libraryId, string libraryName, IEnumerable<string> activeServerIds, HashSet<string> seen, DateTimeOffset now, JobContext context, CancellationToken cancellationToken)
    {
        var missing = activeServerIds.Where(id => !seen.Contains(id)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        var present = await server.GetExistingItemIdsAsync(missing, cancellationToken).ConfigureAwait(false);
        if (present.Count > 0)
        {
            context.Logger.MissingButPresent(libraryName, present.Count);
            seen.UnionWith(present);
        }

        return present.Count == missing.Count ? 0 : await catalog.MarkMissingMoviesRemovedAsync(libraryId, seen, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts of one library or the whole run.</summary>
    private sealed class Tally
    {
        public int Movies { get; set; }

        public int Added { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public int Removed { get; set; }

        public void Add(Tally other)
        {
            Movies += other.Movies;
            Added += other.Added;
            Updated += other.Updated;
            Unchanged += other.Unchanged;
            Removed += other.Removed;
        }
    }
}
