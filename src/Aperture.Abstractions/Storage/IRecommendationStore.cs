using Aperture.Recommendations;

namespace Aperture.Storage;

/// <summary>Recommendation runs and their picks.</summary>
/// <remarks>
/// Each user has at most one current set of picks: those of the run completed last. Older runs stay in the
/// history without their picks; failed runs never touch the current picks.
/// </remarks>
public interface IRecommendationStore
{
    /// <summary>Records a run that has started (stored with status running, whatever <paramref name="run"/> says).</summary>
    /// <exception cref="InvalidOperationException">A run with the same id is already recorded.</exception>
    Task BeginRunAsync(RecommendationRun run, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes a run and stores its picks in one transaction; they become the user's latest picks, atomically
    /// replacing the previous ones. Other users' picks are untouched.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No run has that id.</exception>
    /// <exception cref="InvalidOperationException">The run is not running (already completed or failed).</exception>
    Task CompleteRunAsync(Guid runId, DateTimeOffset completedAt, int candidateCount, IReadOnlyList<MoviePick> picks, CancellationToken cancellationToken = default);

    /// <summary>Marks a run failed; the user's previous picks stay their latest.</summary>
    /// <exception cref="KeyNotFoundException">No run has that id.</exception>
    /// <exception cref="InvalidOperationException">The run is not running (already completed or failed).</exception>
    Task FailRunAsync(Guid runId, DateTimeOffset completedAt, string error, CancellationToken cancellationToken = default);

    /// <summary>Reads a user's latest completed run and its picks (ordered by rank), or <see langword="null"/> when there is none.</summary>
    Task<RecommendationSet?> GetLatestAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Reads every user's latest completed run and picks, ordered by user id.</summary>
    Task<IReadOnlyList<RecommendationSet>> GetAllLatestAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The full reset's swap: deletes every user's runs and picks and stores <paramref name="sets"/> instead, each
    /// becoming its user's latest. The sequence is consumed first and the swap then happens in one short
    /// transaction: if the sequence throws, the token is cancelled, or a set is invalid, nothing changes and
    /// every user keeps their old picks.
    /// </summary>
    /// <returns>How many old runs were deleted.</returns>
    /// <exception cref="ArgumentException">A set's run is not completed, or two sets are for the same user.</exception>
    Task<int> ReplaceAllAsync(IAsyncEnumerable<RecommendationSet> sets, CancellationToken cancellationToken = default);
}
