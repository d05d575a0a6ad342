using Aperture.Recommendations;
using Aperture.Storage;

namespace Aperture.Jobs.Tests.Movies.Recommendations;

/// <summary>Passes everything to the real store, but can refuse to complete the runs of one user.</summary>
internal sealed class RefusingRecommendationStore(IRecommendationStore inner) : IRecommendationStore
{
    private readonly Dictionary<Guid, string> _runUsers = [];

    public string? RefusedUserId { get; set; }

    public List<(Guid RunId, string Error)> FailedRuns { get; } = [];

    public Task BeginRunAsync(RecommendationRun run, CancellationToken cancellationToken = default)
    {
        _runUsers[run.Id] = run.UserId;
        return inner.BeginRunAsync(run, cancellationToken);
    }

    public Task CompleteRunAsync(Guid runId, DateTimeOffset completedAt, int candidateCount, IReadOnlyList<MoviePick> picks, CancellationToken cancellationToken = default) =>
        _runUsers[runId] == RefusedUserId
            ? throw new StoreException("The disk is full.")
            : inner.CompleteRunAsync(runId, completedAt, candidateCount, picks, cancellationToken);

    public Task FailRunAsync(Guid runId, DateTimeOffset completedAt, string error, CancellationToken cancellationToken = default)
    {
        FailedRuns.Add((runId, error));
        return inner.FailRunAsync(runId, completedAt, error, cancellationToken);
    }

    public Task<RecommendationSet?> GetLatestAsync(string userId, CancellationToken cancellationToken = default) => inner.GetLatestAsync(userId, cancellationToken);

    public Task<IReadOnlyList<RecommendationSet>> GetAllLatestAsync(CancellationToken cancellationToken = default) => inner.GetAllLatestAsync(cancellationToken);

    public Task<int> ReplaceAllAsync(IAsyncEnumerable<RecommendationSet> sets, CancellationToken cancellationToken = default) => inner.ReplaceAllAsync(sets, cancellationToken);
}

/// <summary>The real recommender, whose sessions can report chosen users as failed, or crash after some users.</summary>
internal sealed class SabotagedRecommender(IRecommender inner) : IRecommender
{
    public HashSet<string> FailingUsers { get; } = [];

    public int? CrashAfter { get; set; }

    public async Task<IRecommendationSession> CreateSessionAsync(CancellationToken cancellationToken = default) =>
        new Session(await inner.CreateSessionAsync(cancellationToken), FailingUsers.ToHashSet(), CrashAfter);

    private sealed class Session(IRecommendationSession inner, IReadOnlySet<string> failingUsers, int? crashAfter) : IRecommendationSession
    {
        public string ModelKey => inner.ModelKey;

        public string SettingsJson => inner.SettingsJson;

        public int MovieCount => inner.MovieCount;

        public Task<UserRecommendations> RecommendAsync(Catalog.UserAccount user, CancellationToken cancellationToken = default) =>
            inner.RecommendAsync(user, cancellationToken);

        public async IAsyncEnumerable<UserRecommendations> RecommendAsync(IReadOnlyList<Catalog.UserAccount> users, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var served = 0;
            await foreach (var result in inner.RecommendAsync(users, cancellationToken))
            {
                if (served++ == crashAfter)
                {
                    throw new InvalidOperationException("The process died.");
                }

                yield return failingUsers.Contains(result.UserId)
                    ? result with { Outcome = RecommendationOutcome.Failed, Picks = [], Error = "The vectors are corrupt." }
                    : result;
            }
        }
    }
}
