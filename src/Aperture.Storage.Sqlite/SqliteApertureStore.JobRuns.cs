using Aperture.Jobs;
using Microsoft.Data.Sqlite;

namespace Aperture.Storage.Sqlite;

internal sealed partial class SqliteApertureStore
{
    private const string JobRunColumns =
        "id, job_name, variant, trigger, status, started_at, ended_at, items_processed, items_total, summary, counts, error";

    public Task SaveJobRunAsync(JobRun run, CancellationToken cancellationToken = default)
    {
        StoreGuard.ValidateJobRun(run);
        var counts = new Dictionary<string, long>(run.Counts, StringComparer.Ordinal);
        return WriteAsync(transaction => transaction.Execute(
            $"""
            INSERT INTO job_runs ({JobRunColumns}) VALUES ($id, $job, $variant, $trigger, $status, $started, $ended, $processed, $total, $summary, $counts, $error)
            ON CONFLICT (id) DO UPDATE SET
                job_name = excluded.job_name, variant = excluded.variant, trigger = excluded.trigger, status = excluded.status,
                started_at = excluded.started_at, ended_at = excluded.ended_at, items_processed = excluded.items_processed,
                items_total = excluded.items_total, summary = excluded.summary, counts = excluded.counts, error = excluded.error;
            """,
            ("$id", SqliteValues.ToBlob(run.Id)),
            ("$job", run.JobName),
            ("$variant", run.Variant),
            ("$trigger", run.Trigger.ToString().ToLowerInvariant()),
            ("$status", run.Status.ToString().ToLowerInvariant()),
            ("$started", SqliteValues.ToDb(run.StartedAt)),
            ("$ended", SqliteValues.ToDb(run.EndedAt)),
            ("$processed", run.ItemsProcessed),
            ("$total", SqliteValues.ToDb(run.ItemsTotal)),
            ("$summary", run.Summary),
            ("$counts", counts.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(counts, StoreJsonContext.Default.DictionaryStringInt64)),
            ("$error", run.Error)), cancellationToken);
    }

    public Task<IReadOnlyList<JobRun>> GetJobRunsAsync(string? jobName = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ReadAsync(transaction => ReadJobRuns(transaction, jobName, status: null, limit), cancellationToken);
    }

    public Task<JobRun?> GetLatestJobRunAsync(string jobName, JobRunStatus? status = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobName);
        return ReadAsync(transaction => ReadJobRuns(transaction, jobName, status, limit: 1).SingleOrDefault(), cancellationToken);
    }

    private static IReadOnlyList<JobRun> ReadJobRuns(SqliteTransaction transaction, string? jobName, JobRunStatus? status, int limit)
    {
        // The row id breaks ties on the start time: an upsert keeps it, so the run saved first stays older.
        using var command = transaction.Command($"""
            SELECT {JobRunColumns} FROM job_runs
            WHERE ($job IS NULL OR job_name = $job) AND ($status IS NULL OR status = $status)
            ORDER BY started_at DESC, rowid DESC LIMIT $limit;
            """);
        command.With("$job", jobName)
            .With("$status", status?.ToString().ToLowerInvariant())
            .With("$limit", limit);
        using var reader = command.ExecuteReader();
        var runs = new List<JobRun>();
        while (reader.Read())
        {
            runs.Add(new JobRun
            {
                Id = reader.GetId(0),
                JobName = reader.GetString(1),
                Variant = reader.GetNullableString(2),
                Trigger = Enum.Parse<JobTrigger>(reader.GetString(3), ignoreCase: true),
                Status = Enum.Parse<JobRunStatus>(reader.GetString(4), ignoreCase: true),
                StartedAt = reader.GetInstant(5),
                EndedAt = reader.GetNullableInstant(6),
                ItemsProcessed = reader.GetInt64(7),
                ItemsTotal = reader.GetNullableInt64(8),
                Summary = reader.GetNullableString(9),
                Counts = reader.IsDBNull(10)
                    ? new Dictionary<string, long>()
                    : System.Text.Json.JsonSerializer.Deserialize(reader.GetString(10), StoreJsonContext.Default.DictionaryStringInt64) ?? [],
                Error = reader.GetNullableString(11),
            });
        }

        return runs;
    }
}
