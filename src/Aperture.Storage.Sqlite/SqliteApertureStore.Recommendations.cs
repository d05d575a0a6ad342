using Aperture.Recommendations;
using Microsoft.Data.Sqlite;

namespace Aperture.Storage.Sqlite;

internal sealed partial class SqliteApertureStore
{
    private const string RunColumns =
        "id, user_id, model_key, started_at, completed_at, status, candidate_count, settings_json, error";

    public Task BeginRunAsync(RecommendationRun run, CancellationToken cancellationToken = default)
    {
        StoreGuard.ValidateRun(run);
        return WriteAsync(transaction =>
        {
            if (ReadRun(transaction, run.Id) is not null)
            {
                throw StoreGuard.DuplicateRun(run.Id);
            }

            InsertRun(transaction, run with { Status = RecommendationRunStatus.Running, CompletedAt = null, Error = null }, isCurrent: false);
        }, cancellationToken);
    }

    public Task CompleteRunAsync(Guid runId, DateTimeOffset completedAt, int candidateCount, IReadOnlyList<MoviePick> picks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(picks);
        var orderedPicks = StoreGuard.OrderPicks(picks);
        return WriteAsync(transaction =>
        {
            var run = GetRunningRun(transaction, runId);

            // The user's previous picks go; the run stays in the history.
            transaction.Execute(
                "DELETE FROM picks WHERE run_id IN (SELECT id FROM recommendation_runs WHERE user_id = $user AND is_current = 1);",
                ("$user", run.UserId));
            transaction.Execute("UPDATE recommendation_runs SET is_current = 0 WHERE user_id = $user AND is_current = 1;", ("$user", run.UserId));
            transaction.Execute(
                "UPDATE recommendation_runs SET status = $status, completed_at = $completed, candidate_count = $candidates, is_current = 1 WHERE id = $id;",
                ("$status", ToDb(RecommendationRunStatus.Completed)),
                ("$completed", SqliteValues.ToDb(completedAt)),
                ("$candidates", candidateCount),
                ("$id", SqliteValues.ToBlob(runId)));
            InsertPicks(transaction, runId, orderedPicks);
        }, cancellationToken);
    }

    public Task FailRunAsync(Guid runId, DateTimeOffset completedAt, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return WriteAsync(transaction =>
        {
            GetRunningRun(transaction, runId);
            transaction.Execute(
                "UPDATE recommendation_runs SET status = $status, completed_at = $completed, error = $error WHERE id = $id;",
                ("$status", ToDb(RecommendationRunStatus.Failed)),
                ("$completed", SqliteValues.ToDb(completedAt)),
                ("$error", error),
                ("$id", SqliteValues.ToBlob(runId)));
        }, cancellationToken);
    }

    public Task<RecommendationSet?> GetLatestAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return ReadAsync(transaction => ReadCurrentSets(transaction, userId).SingleOrDefault(), cancellationToken);
    }

    public Task<IReadOnlyList<RecommendationSet>> GetAllLatestAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(transaction => ReadCurrentSets(transaction, userId: null), cancellationToken);

    public async Task<int> ReplaceAllAsync(IAsyncEnumerable<RecommendationSet> sets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sets);

        // Consumed before the write transaction: producing the sets may take long, and must not hold the file's lock.
        var replacement = await StoreGuard.CollectSetsAsync(sets, cancellationToken).ConfigureAwait(false);
        return await WriteAsync(transaction =>
        {
            var deleted = transaction.Execute("DELETE FROM recommendation_runs;");
            transaction.Execute("DELETE FROM picks;");
            foreach (var set in replacement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                InsertRun(transaction, set.Run, isCurrent: true);
                InsertPicks(transaction, set.Run.Id, set.Picks);
            }

            return deleted;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static RecommendationRun GetRunningRun(SqliteTransaction transaction, Guid runId)
    {
        var run = ReadRun(transaction, runId) ?? throw StoreGuard.UnknownRun(runId);
        return run.Status == RecommendationRunStatus.Running ? run : throw StoreGuard.RunNotRunning(runId, run.Status);
    }

    private static RecommendationRun? ReadRun(SqliteTransaction transaction, Guid runId)
    {
        using var command = transaction.Command($"SELECT {RunColumns} FROM recommendation_runs WHERE id = $id;");
        command.With("$id", SqliteValues.ToBlob(runId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRun(reader) : null;
    }

    private static RecommendationRun ReadRun(SqliteDataReader reader) => new()
    {
        Id = reader.GetId(0),
        UserId = reader.GetString(1),
        ModelKey = reader.GetString(2),
        StartedAt = reader.GetInstant(3),
        CompletedAt = reader.GetNullableInstant(4),
        Status = Enum.Parse<RecommendationRunStatus>(reader.GetString(5), ignoreCase: true),
        CandidateCount = reader.GetInt32(6),
        SettingsJson = reader.GetString(7),
        Error = reader.GetNullableString(8),
    };

    private static void InsertRun(SqliteTransaction transaction, RecommendationRun run, bool isCurrent) => transaction.Execute(
        $"INSERT INTO recommendation_runs ({RunColumns}, is_current) VALUES ($id, $user, $model, $started, $completed, $status, $candidates, $settings, $error, $current);",
        ("$id", SqliteValues.ToBlob(run.Id)),
        ("$user", run.UserId),
        ("$model", run.ModelKey),
        ("$started", SqliteValues.ToDb(run.StartedAt)),
        ("$completed", SqliteValues.ToDb(run.CompletedAt)),
        ("$status", ToDb(run.Status)),
        ("$candidates", run.CandidateCount),
        ("$settings", run.SettingsJson),
        ("$error", run.Error),
        ("$current", SqliteValues.ToDb(isCurrent)));

    private static void InsertPicks(SqliteTransaction transaction, Guid runId, IReadOnlyList<MoviePick> picks)
    {
        using var insert = transaction.Command("""
            INSERT INTO picks (run_id, position, rank, movie_id, score, content, collaborative, prior, novelty, diversity, evidence, explanation)
            VALUES ($run, $position, $rank, $movie, $score, $content, $collaborative, $prior, $novelty, $diversity, $evidence, $explanation);
            """);
        var p = AddParameters(insert, "$run", "$position", "$rank", "$movie", "$score", "$content", "$collaborative", "$prior", "$novelty", "$diversity", "$evidence", "$explanation");
        p[0].Value = SqliteValues.ToBlob(runId);
        for (var i = 0; i < picks.Count; i++)
        {
            var pick = picks[i];
            p[1].Value = i;
            p[2].Value = pick.Rank;
            p[3].Value = SqliteValues.ToBlob(pick.MovieId);
            p[4].Value = pick.Score;
            p[5].Value = pick.Breakdown.Content;
            p[6].Value = pick.Breakdown.Collaborative;
            p[7].Value = pick.Breakdown.Prior;
            p[8].Value = pick.Breakdown.Novelty;
            p[9].Value = pick.Breakdown.Diversity;
            p[10].Value = SqliteValues.ToJsonDb(pick.Evidence, StoreJsonContext.Default.PickEvidenceArray);
            p[11].Value = SqliteValues.ToDb(pick.Explanation);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The current sets of one user, or of everyone when <paramref name="userId"/> is null, by user id.</summary>
    private static IReadOnlyList<RecommendationSet> ReadCurrentSets(SqliteTransaction transaction, string? userId)
    {
        var filter = userId is null ? "" : "AND r.user_id = $user";
        var runs = new List<RecommendationRun>();
        using (var command = transaction.Command($"SELECT {RunColumns} FROM recommendation_runs r WHERE is_current = 1 {filter} ORDER BY user_id;"))
        {
            command.With("$user", userId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                runs.Add(ReadRun(reader));
            }
        }

        var picks = runs.ToDictionary(static r => r.Id, static _ => new List<MoviePick>());
        using (var command = transaction.Command($"""
            SELECT p.run_id, p.rank, p.movie_id, p.score, p.content, p.collaborative, p.prior, p.novelty, p.diversity, p.evidence, p.explanation
            FROM picks p JOIN recommendation_runs r ON r.id = p.run_id
            WHERE r.is_current = 1 {filter}
            ORDER BY p.run_id, p.rank, p.position;
            """))
        {
            command.With("$user", userId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                picks[reader.GetId(0)].Add(new MoviePick(
                    reader.GetInt32(1),
                    reader.GetId(2),
                    reader.GetDouble(3),
                    new ScoreBreakdown(reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8)),
                    reader.GetJsonList(9, StoreJsonContext.Default.PickEvidenceArray),
                    reader.GetNullableString(10)));
            }
        }

        return [.. runs.Select(run => new RecommendationSet(run, picks[run.Id]))];
    }

    private static string ToDb(RecommendationRunStatus status) => status.ToString().ToLowerInvariant();
}
