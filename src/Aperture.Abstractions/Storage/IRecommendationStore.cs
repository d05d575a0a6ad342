using Aperture.Recommendations;

namespace Aperture.Storage;

/// <summary>Recommendation runs and their picks.</summary>
public interface IRecommendationStore
{
    /// <summary>Records a run that has started (status running).</summary>
    Task BeginRunAsync(RecommendationRun run, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes a run and stores its picks in one transaction; they become the user's latest picks, atomically
    /// replacing the previous ones.
    /// </summary>
    Task CompleteRunAsync(Guid runId, DateTimeOffset completedAt, int candidateCount, IReadOnlyList<MoviePick> picks, CancellationToken cancellationToken = default);

    /// <summary>Marks a run failed; the user's previous picks stay their latest.</summary>
    Task FailRunAsync(Guid runId, DateTimeOffset completedAt, string error, CancellationToken cancellationToken = default);

    /// <summary>Reads a user's latest completed run and its picks, or <see langword="null"/> when there is none.</summary>
    Task<RecommendationSet?> GetLatestAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Reads every user's latest completed run and picks.</summary>
    Task<IReadOnlyList<RecommendationSet>> GetAllLatestAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The full reset's swap: deletes every user's runs and picks and stores <paramref name="sets"/> instead, in
    /// one transaction. The sequence is consumed inside the transaction: if it throws, or the token is cancelled,
    /// nothing changes and every user keeps their old picks.
    /// </summary>
    /// <returns>How many old runs were deleted.</returns>
    Task<int> ReplaceAllAsync(IAsyncEnumerable<RecommendationSet> sets, CancellationToken cancellationToken = default);
}
