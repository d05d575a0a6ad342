using System.Globalization;
using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Jobs;
using Aperture.Recommendations;

namespace Aperture.Storage;

/// <summary>The argument rules of the store contracts, shared by every implementation so they fail alike.</summary>
internal static class StoreGuard
{
    public static void ValidateMovie(Movie movie)
    {
        ArgumentNullException.ThrowIfNull(movie);
        if (string.IsNullOrWhiteSpace(movie.ServerId))
        {
            throw new ArgumentException($"The movie '{movie.Title}' has no server id; every movie needs the media server's item id.", nameof(movie));
        }

        if (string.IsNullOrWhiteSpace(movie.Title))
        {
            throw new ArgumentException($"The movie with server id '{movie.ServerId}' has no title.", nameof(movie));
        }
    }

    public static void ValidateUser(MediaUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Id, nameof(user));
    }

    public static void ValidateWatchState(WatchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(state.UserId, nameof(state));
    }

    /// <summary>Checks every vector against its model and returns each model key's dimensions in the batch.</summary>
    public static Dictionary<string, int> ValidateVectors(IReadOnlyList<MovieVector> vectors)
    {
        var dimensions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var vector in vectors)
        {
            ArgumentNullException.ThrowIfNull(vector);
            ArgumentNullException.ThrowIfNull(vector.Model, nameof(vector));
            ArgumentNullException.ThrowIfNull(vector.TextHash, nameof(vector));
            if (vector.Vector.Length != vector.Model.Dimensions)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The vector of movie {vector.MovieId} has {vector.Vector.Length} dimensions but its model {vector.Model} has {vector.Model.Dimensions}."),
                    nameof(vectors));
            }

            var key = vector.Model.Key;
            if (dimensions.TryGetValue(key, out var known))
            {
                if (known != vector.Model.Dimensions)
                {
                    throw DimensionConflict(key, vector.Model.Dimensions, known);
                }
            }
            else
            {
                dimensions[key] = vector.Model.Dimensions;
            }
        }

        return dimensions;
    }

    public static ArgumentException DimensionConflict(string modelKey, int dimensions, int storedDimensions) => new(
        string.Create(CultureInfo.InvariantCulture, $"Model '{modelKey}' already has vectors of {storedDimensions} dimensions; vectors of {dimensions} dimensions cannot join them. Purge the model first (PurgeModelAsync) to change its dimensions."),
        "vectors");

    public static void ValidateRun(RecommendationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.UserId, nameof(run));
        ArgumentNullException.ThrowIfNull(run.ModelKey, nameof(run));
    }

    public static void ValidateJobRun(JobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.JobName, nameof(run));
    }

    /// <summary>The picks in rank order (stable for equal ranks), copied so the caller may reuse its list.</summary>
    public static MoviePick[] OrderPicks(IReadOnlyList<MoviePick> picks)
    {
        foreach (var pick in picks)
        {
            ArgumentNullException.ThrowIfNull(pick, nameof(picks));
        }

        return [.. picks.OrderBy(static p => p.Rank).Select(static p => p with { Evidence = [.. p.Evidence] })];
    }

    /// <summary>Consumes a full reset's sets, validated and with picks in rank order.</summary>
    public static async Task<List<RecommendationSet>> CollectSetsAsync(IAsyncEnumerable<RecommendationSet> sets, CancellationToken cancellationToken)
    {
        var collected = new List<RecommendationSet>();
        var users = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var set in sets.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(set, nameof(sets));
            ValidateRun(set.Run);
            if (set.Run.Status != RecommendationRunStatus.Completed)
            {
                throw new ArgumentException($"The run {set.Run.Id} of user '{set.Run.UserId}' is {set.Run.Status}; a replacement holds completed runs only.", nameof(sets));
            }

            if (!users.Add(set.Run.UserId))
            {
                throw new ArgumentException($"The replacement holds two sets for user '{set.Run.UserId}'; give each user one.", nameof(sets));
            }

            collected.Add(new RecommendationSet(set.Run, OrderPicks(set.Picks)));
        }

        return collected;
    }

    public static KeyNotFoundException UnknownUser(string userId) =>
        new($"No user '{userId}' is stored; users are added by the watch-history sync (UpsertUsersAsync).");

    public static KeyNotFoundException UnknownRun(Guid runId) =>
        new($"No recommendation run {runId} is stored; begin it first (BeginRunAsync).");

    public static InvalidOperationException DuplicateRun(Guid runId) =>
        new($"The recommendation run {runId} is already recorded; each run needs a new id.");

    public static InvalidOperationException RunNotRunning(Guid runId, RecommendationRunStatus status) =>
        new($"The recommendation run {runId} is already {status.ToString().ToLowerInvariant()}; only a running run can be completed or failed.");
}
