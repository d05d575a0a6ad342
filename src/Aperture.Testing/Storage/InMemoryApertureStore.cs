using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Jobs;
using Aperture.Recommendations;

namespace Aperture.Storage;

/// <summary>
/// An <see cref="IApertureStore"/> that keeps everything in memory: for tests and quick starts. It keeps exactly
/// the promises of the store contracts (the same contract test suite runs against it and the SQLite store), is
/// safe for concurrent callers, and copies what it stores, so callers may reuse their lists and buffers.
/// </summary>
public sealed class InMemoryApertureStore : IApertureStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;

    private readonly MovieMatcher _movies = new();
    private List<MediaLibrary> _libraries = [];

    private readonly Dictionary<string, UserAccount> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<(string UserId, Guid MovieId), WatchState> _watchStates = [];
    private readonly Dictionary<string, DateTimeOffset> _watermarks = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ModelKey, Guid MovieId), MovieVector> _vectors = [];

    private readonly Dictionary<Guid, RecommendationRun> _runs = [];
    private readonly Dictionary<string, RecommendationSet> _currentSets = new(StringComparer.Ordinal);

    private readonly Dictionary<Guid, (long Sequence, JobRun Run)> _jobRuns = [];
    private long _jobRunSequence;

    /// <summary>Creates an empty store that takes the time part of new movie ids from the system clock.</summary>
    public InMemoryApertureStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock new movie ids (version 7, time-ordered) take their time part from.</param>
    public InMemoryApertureStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public Task<MovieUpsertResult> UpsertMoviesAsync(IReadOnlyList<Movie> movies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(movies);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var movie in movies)
        {
            StoreGuard.ValidateMovie(movie);
        }

        lock (_gate)
        {
            return Task.FromResult(_movies.Apply(movies, () => Guid.CreateVersion7(_timeProvider.GetUtcNow())).Result);
        }
    }

    /// <inheritdoc/>
    public Task<int> MarkMissingMoviesRemovedAsync(string libraryId, IReadOnlySet<string> seenServerIds, DateTimeOffset removedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(libraryId);
        ArgumentNullException.ThrowIfNull(seenServerIds);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var missing = _movies.Movies.Values
                .Where(m => m.IsActive && m.LibraryId == libraryId && !seenServerIds.Contains(m.ServerId))
                .ToList();
            foreach (var movie in missing)
            {
                _movies.Set(movie with { RemovedAt = removedAt });
            }

            return Task.FromResult(missing.Count);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Movie>> GetMoviesAsync(bool includeRemoved = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<Movie> movies = _movies.Movies.Values
                .Where(m => includeRemoved || m.IsActive)
                .OrderBy(static m => m.Id)
                .ToArray();
            return Task.FromResult(movies);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Movie>> GetMoviesByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<Movie> movies = ids
                .Distinct()
                .Select(id => _movies.Movies.GetValueOrDefault(id))
                .OfType<Movie>()
                .OrderBy(static m => m.Id)
                .ToArray();
            return Task.FromResult(movies);
        }
    }

    /// <inheritdoc/>
    public Task SaveLibrariesAsync(IReadOnlyList<MediaLibrary> libraries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(libraries);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = libraries.Select(static l => l with { Locations = [.. l.Locations] }).ToList();
        lock (_gate)
        {
            _libraries = copy;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<MediaLibrary>> GetLibrariesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<MediaLibrary>>([.. _libraries]);
        }
    }

    /// <inheritdoc/>
    public Task UpsertUsersAsync(IReadOnlyList<MediaUser> users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var user in users)
        {
            StoreGuard.ValidateUser(user);
        }

        lock (_gate)
        {
            foreach (var user in users)
            {
                var copy = user with { LibraryIds = [.. user.LibraryIds] };
                _users[user.Id] = _users.TryGetValue(user.Id, out var known)
                    ? known with { User = copy }
                    : new UserAccount(copy, IsEnabled: true, ExcludedLibraryIds: []);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<UserAccount>> GetUsersAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<UserAccount> users = _users.Values
                .OrderBy(static u => u.User.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(static u => u.Id, StringComparer.Ordinal)
                .ToArray();
            return Task.FromResult(users);
        }
    }

    /// <inheritdoc/>
    public Task SetUserEnabledAsync(string userId, bool enabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _users[userId] = GetUser(userId) with { IsEnabled = enabled };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task SetExcludedLibrariesAsync(string userId, IReadOnlyList<string> libraryIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(libraryIds);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _users[userId] = GetUser(userId) with { ExcludedLibraryIds = [.. libraryIds] };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<int> UpsertWatchStatesAsync(IReadOnlyList<WatchState> states, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var state in states)
        {
            StoreGuard.ValidateWatchState(state);
        }

        var changed = 0;
        lock (_gate)
        {
            foreach (var state in states)
            {
                var key = (state.UserId, state.MovieId);
                if (!_watchStates.TryGetValue(key, out var known) || known != state)
                {
                    _watchStates[key] = state;
                    changed++;
                }
            }
        }

        return Task.FromResult(changed);
    }

    /// <inheritdoc/>
    public Task<int> DeleteWatchStatesExceptAsync(string userId, IReadOnlySet<Guid> keepMovieIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(keepMovieIds);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var doomed = _watchStates.Keys
                .Where(k => k.UserId == userId && !keepMovieIds.Contains(k.MovieId))
                .ToList();
            foreach (var key in doomed)
            {
                _watchStates.Remove(key);
            }

            return Task.FromResult(doomed.Count);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WatchState>> GetWatchStatesAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<WatchState> states = _watchStates.Values
                .Where(s => s.UserId == userId)
                .OrderBy(static s => s.MovieId)
                .ToArray();
            return Task.FromResult(states);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WatchState>> GetAllWatchStatesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<WatchState> states = _watchStates.Values
                .OrderBy(static s => s.UserId, StringComparer.Ordinal)
                .ThenBy(static s => s.MovieId)
                .ToArray();
            return Task.FromResult(states);
        }
    }

    /// <inheritdoc/>
    public Task<DateTimeOffset?> GetWatermarkAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_watermarks.TryGetValue(key, out var value) ? value : (DateTimeOffset?)null);
        }
    }

    /// <inheritdoc/>
    public Task SetWatermarkAsync(string key, DateTimeOffset value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _watermarks[key] = value;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task RemoveWatermarkAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _watermarks.Remove(key);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<Guid, string>> GetTextHashesAsync(string modelKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyDictionary<Guid, string> hashes = _vectors.Values
                .Where(v => v.Model.Key == modelKey)
                .ToDictionary(static v => v.MovieId, static v => v.TextHash);
            return Task.FromResult(hashes);
        }
    }

    /// <inheritdoc/>
    public Task UpsertVectorsAsync(IReadOnlyList<MovieVector> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        cancellationToken.ThrowIfCancellationRequested();
        var batchDimensions = StoreGuard.ValidateVectors(vectors);
        lock (_gate)
        {
            foreach (var (key, dimensions) in batchDimensions)
            {
                var stored = _vectors.Values.FirstOrDefault(v => v.Model.Key == key);
                if (stored is not null && stored.Model.Dimensions != dimensions)
                {
                    throw StoreGuard.DimensionConflict(key, dimensions, stored.Model.Dimensions);
                }
            }

            foreach (var vector in vectors)
            {
                _vectors[(vector.Model.Key, vector.MovieId)] = vector with { Vector = vector.Vector.ToArray() };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<MovieVector>> GetVectorsAsync(string modelKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<MovieVector> vectors = _vectors.Values
                .Where(v => v.Model.Key == modelKey)
                .OrderBy(static v => v.MovieId)
                .ToArray();
            return Task.FromResult(vectors);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<EmbeddingModelUsage>> GetModelsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<EmbeddingModelUsage> models = _vectors.Values
                .GroupBy(static v => v.Model.Key, StringComparer.Ordinal)
                .OrderBy(static g => g.Key, StringComparer.Ordinal)
                .Select(static g => new EmbeddingModelUsage(g.First().Model, g.Count()))
                .ToArray();
            return Task.FromResult(models);
        }
    }

    /// <inheritdoc/>
    public Task<int> PurgeModelAsync(string modelKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var doomed = _vectors.Keys.Where(k => k.ModelKey == modelKey).ToList();
            foreach (var key in doomed)
            {
                _vectors.Remove(key);
            }

            return Task.FromResult(doomed.Count);
        }
    }

    /// <inheritdoc/>
    public Task BeginRunAsync(RecommendationRun run, CancellationToken cancellationToken = default)
    {
        StoreGuard.ValidateRun(run);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_runs.TryAdd(run.Id, run with { Status = RecommendationRunStatus.Running, CompletedAt = null, Error = null }))
            {
                throw StoreGuard.DuplicateRun(run.Id);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task CompleteRunAsync(Guid runId, DateTimeOffset completedAt, int candidateCount, IReadOnlyList<MoviePick> picks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(picks);
        cancellationToken.ThrowIfCancellationRequested();
        var orderedPicks = StoreGuard.OrderPicks(picks);
        lock (_gate)
        {
            var run = GetRunningRun(runId) with
            {
                Status = RecommendationRunStatus.Completed,
                CompletedAt = completedAt,
                CandidateCount = candidateCount,
            };
            _runs[runId] = run;
            _currentSets[run.UserId] = new RecommendationSet(run, orderedPicks);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task FailRunAsync(Guid runId, DateTimeOffset completedAt, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _runs[runId] = GetRunningRun(runId) with
            {
                Status = RecommendationRunStatus.Failed,
                CompletedAt = completedAt,
                Error = error,
            };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<RecommendationSet?> GetLatestAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_currentSets.GetValueOrDefault(userId));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecommendationSet>> GetAllLatestAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<RecommendationSet> sets = _currentSets.Values
                .OrderBy(static s => s.Run.UserId, StringComparer.Ordinal)
                .ToArray();
            return Task.FromResult(sets);
        }
    }

    /// <inheritdoc/>
    public async Task<int> ReplaceAllAsync(IAsyncEnumerable<RecommendationSet> sets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sets);

        // Consumed before taking the lock: producing the sets may take long, and nothing may change if it fails.
        var replacement = await StoreGuard.CollectSetsAsync(sets, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var deleted = _runs.Count;
            _runs.Clear();
            _currentSets.Clear();
            foreach (var set in replacement)
            {
                _runs[set.Run.Id] = set.Run;
                _currentSets[set.Run.UserId] = set;
            }

            return deleted;
        }
    }

    /// <inheritdoc/>
    public Task SaveJobRunAsync(JobRun run, CancellationToken cancellationToken = default)
    {
        StoreGuard.ValidateJobRun(run);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = run with { Counts = new Dictionary<string, long>(run.Counts, StringComparer.Ordinal) };
        lock (_gate)
        {
            var sequence = _jobRuns.TryGetValue(run.Id, out var known) ? known.Sequence : ++_jobRunSequence;
            _jobRuns[run.Id] = (sequence, copy);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<JobRun>> GetJobRunsAsync(string? jobName = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<JobRun> runs = NewestFirst(jobName, status: null).Take(limit).ToArray();
            return Task.FromResult(runs);
        }
    }

    /// <inheritdoc/>
    public Task<JobRun?> GetLatestJobRunAsync(string jobName, JobRunStatus? status = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobName);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(NewestFirst(jobName, status).FirstOrDefault());
        }
    }

    private IEnumerable<JobRun> NewestFirst(string? jobName, JobRunStatus? status) =>
        _jobRuns.Values
            .Where(r => (jobName is null || r.Run.JobName == jobName) && (status is null || r.Run.Status == status))
            .OrderByDescending(static r => r.Run.StartedAt.UtcTicks)
            .ThenByDescending(static r => r.Sequence)
            .Select(static r => r.Run);

    private UserAccount GetUser(string userId) =>
        _users.TryGetValue(userId, out var user) ? user : throw StoreGuard.UnknownUser(userId);

    private RecommendationRun GetRunningRun(Guid runId)
    {
        if (!_runs.TryGetValue(runId, out var run))
        {
            throw StoreGuard.UnknownRun(runId);
        }

        return run.Status == RecommendationRunStatus.Running ? run : throw StoreGuard.RunNotRunning(runId, run.Status);
    }
}
