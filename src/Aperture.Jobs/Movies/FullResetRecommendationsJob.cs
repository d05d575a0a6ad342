using System.Globalization;
using System.Runtime.CompilerServices;
using Aperture.Catalog;
using Aperture.Recommendations;
using Aperture.Storage;
using Microsoft.Extensions.Logging;

namespace Aperture.Jobs.Movies;

/// <summary>
/// <c>full-reset-movie-recommendations</c> (manual only): deletes every user's picks and runs and rebuilds them from
/// scratch, without ever leaving a user without picks: the new sets replace all the old ones in one atomic step
/// (<see cref="IRecommendationStore.ReplaceAllAsync"/>) once every user is computed. A cancellation or crash before
/// that step changes nothing. A user whose computation fails keeps their previous picks; users without history, or
/// no longer selected, end with none. User preferences (enabled flags, excluded libraries) are not touched.
/// </summary>
internal sealed class FullResetRecommendationsJob(IRecommender recommender, UserSelection users, IRecommendationStore store) : IJob
{
    /// <inheritdoc />
    public string Name => MovieJobNames.FullResetRecommendations;

    /// <inheritdoc />
    public string Description => "Deletes every user's picks and rebuilds them from scratch, swapping the new picks in for all users at once.";

    /// <inheritdoc />
    public JobSchedule DefaultSchedule => JobSchedule.Manual;

    /// <inheritdoc />
    public bool IsManualOnly => true;

    /// <inheritdoc />
    public IReadOnlyList<string> Prerequisites { get; } = [MovieJobNames.GenerateEmbeddings, MovieJobNames.SyncWatchHistory];

    /// <inheritdoc />
    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = context.Progress;
        progress.BeginStep(0, 2, "Loading movies, vectors and watch history");
        var active = (await users.SelectAsync(cancellationToken).ConfigureAwait(false)).Selected.ToList();
        var previous = (await store.GetAllLatestAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Run.UserId, StringComparer.Ordinal);
        var session = await recommender.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        context.Logger.ResetStarting(active.Count, previous.Count);

        progress.BeginStep(1, 2, "Rebuilding every user's picks", active.Count);
        var tally = new GenerateRecommendationsTally();
        var cleared = await store.ReplaceAllAsync(RebuildAsync(active, previous, session, context, tally, cancellationToken), cancellationToken).ConfigureAwait(false);

        var counts = tally.ToCounts(active.Count);
        counts["cleared"] = cleared;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{cleared} old runs cleared; {active.Count} users: {tally.Completed} rebuilt ({tally.Picks} picks), {tally.NoHistory} without history yet, {tally.Failed} failed and kept their previous picks");
        return new JobResult(summary, active.Count, active.Count, counts);
    }

    // Consumed by the store inside its replacement: throwing here (every user failed, cancellation) leaves all old picks.
    private static async IAsyncEnumerable<RecommendationSet> RebuildAsync(
        List<UserAccount> active,
        Dictionary<string, RecommendationSet> previous,
        IRecommendationSession session,
        JobContext context,
        GenerateRecommendationsTally tally,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var names = active.ToDictionary(u => u.Id, u => u.User.Name, StringComparer.Ordinal);
        await foreach (var result in session.RecommendAsync(active, cancellationToken).ConfigureAwait(false))
        {
            var name = names.GetValueOrDefault(result.UserId, result.UserId);
            context.Progress.Advance(1, name);
            switch (result.Outcome)
            {
                case RecommendationOutcome.Completed:
                    var now = context.TimeProvider.GetUtcNow();
                    tally.Completed++;
                    tally.Picks += result.Picks.Count;
                    yield return new RecommendationSet(
                        new RecommendationRun
                        {
                            Id = Guid.CreateVersion7(now),
                            UserId = result.UserId,
                            ModelKey = session.ModelKey,
                            StartedAt = now - result.Elapsed,
                            CompletedAt = now,
                            Status = RecommendationRunStatus.Completed,
                            CandidateCount = result.CandidateCount,
                            SettingsJson = session.SettingsJson,
                        },
                        result.Picks);
                    break;
                case RecommendationOutcome.NoHistory:
                    context.Logger.NoHistory(name);
                    tally.NoHistory++;
                    break;
                default:
                    context.Logger.ResetUserKept(name, result.Error ?? "Unknown error.");
                    tally.Fail(name, result.Error);
                    if (previous.TryGetValue(result.UserId, out var kept))
                    {
                        yield return kept;
                    }

                    break;
            }
        }

        tally.ThrowIfEveryUserFailed();
    }
}
