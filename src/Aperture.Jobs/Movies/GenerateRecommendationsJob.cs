using System.Globalization;
using Aperture.Catalog;
using Aperture.Recommendations;
using Aperture.Storage;
using Microsoft.Extensions.Logging;

namespace Aperture.Jobs.Movies;

/// <summary>
/// <c>generate-movie-recommendations</c>: for every user the shared <see cref="UserSelection"/> selects, builds the taste profile, scores every candidate
/// exactly, selects, explains, and stores the run (settings snapshot, candidate count, duration) with its picks. Each
/// user's new picks replace the old ones atomically, when that user's run completes; a user who fails keeps their old
/// picks and does not stop the others; a user without history yet is counted, not failed.
/// </summary>
internal sealed class GenerateRecommendationsJob(IRecommender recommender, UserSelection users, IRecommendationStore store) : IJob
{
    /// <inheritdoc />
    public string Name => MovieJobNames.GenerateRecommendations;

    /// <inheritdoc />
    public string Description => "Computes every enabled user's movie picks from their watch history, the movie vectors and what the server's other users watched.";

    /// <inheritdoc />
    public JobSchedule DefaultSchedule { get; } = JobSchedule.OnCron("0 4 * * 0");

    /// <inheritdoc />
    public bool IsManualOnly => false;

    /// <inheritdoc />
    public IReadOnlyList<string> Prerequisites { get; } = [MovieJobNames.GenerateEmbeddings, MovieJobNames.SyncWatchHistory];

    /// <inheritdoc />
    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = context.Progress;
        progress.BeginStep(0, 2, "Loading movies, vectors and watch history");
        var active = (await users.SelectAsync(cancellationToken).ConfigureAwait(false)).Selected.ToList();
        var session = await recommender.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        context.Logger.Starting(active.Count, session.ModelKey, session.MovieCount);

        progress.BeginStep(1, 2, "Computing picks", active.Count);
        var tally = new GenerateRecommendationsTally();
        var names = active.ToDictionary(u => u.Id, u => u.User.Name, StringComparer.Ordinal);
        await foreach (var result in session.RecommendAsync(active, cancellationToken).ConfigureAwait(false))
        {
            var name = names.GetValueOrDefault(result.UserId, result.UserId);
            await StoreAsync(result, name, session, context, tally, cancellationToken).ConfigureAwait(false);
            progress.Advance(1, name);
        }

        tally.ThrowIfEveryUserFailed();
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{active.Count} users: {tally.Completed} with new picks ({tally.Picks} in all), {tally.NoHistory} without history yet, {tally.Failed} failed");
        return new JobResult(summary, active.Count, active.Count, tally.ToCounts(active.Count));
    }

    private async Task StoreAsync(UserRecommendations result, string name, IRecommendationSession session, JobContext context, GenerateRecommendationsTally tally, CancellationToken cancellationToken)
    {
        if (result.Outcome == RecommendationOutcome.NoHistory)
        {
            // Nothing to base picks on: any earlier picks stay, and nothing is recorded.
            context.Logger.NoHistory(name);
            tally.NoHistory++;
            return;
        }

        var now = context.TimeProvider.GetUtcNow();
        var run = new RecommendationRun
        {
            Id = Guid.CreateVersion7(now),
            UserId = result.UserId,
            ModelKey = session.ModelKey,
            StartedAt = now - result.Elapsed,
            SettingsJson = session.SettingsJson,
        };
        try
        {
            await store.BeginRunAsync(run, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == RecommendationOutcome.Completed)
            {
                await store.CompleteRunAsync(run.Id, context.TimeProvider.GetUtcNow(), result.CandidateCount, result.Picks, cancellationToken).ConfigureAwait(false);
                context.Logger.UserCompleted(name, result.Picks.Count, result.CandidateCount, (long)result.Elapsed.TotalMilliseconds);
                tally.Completed++;
                tally.Picks += result.Picks.Count;
                return;
            }

            await store.FailRunAsync(run.Id, context.TimeProvider.GetUtcNow(), result.Error ?? "Unknown error.", cancellationToken).ConfigureAwait(false);
            context.Logger.UserFailed(name, result.Error ?? "Unknown error.", null);
            tally.Fail(name, result.Error);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store refused this user's picks: the old ones stay; record the failure if the store still can.
            context.Logger.UserFailed(name, exception.Message, exception);
            tally.Fail(name, exception.Message);
            try
            {
                await store.FailRunAsync(run.Id, context.TimeProvider.GetUtcNow(), exception.Message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception recordFailure) when (recordFailure is not OperationCanceledException)
            {
                context.Logger.RunNotRecorded(name, recordFailure);
            }
        }
    }
}
