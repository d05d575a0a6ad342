using Aperture.Jobs;

namespace Aperture.Storage;

/// <summary>The history of job runs: one row per run.</summary>
public interface IJobRunStore
{
    /// <summary>Inserts <paramref name="run"/>, or replaces the row with the same id (a run is recorded once and updated as it ends).</summary>
    Task SaveJobRunAsync(JobRun run, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads at most <paramref name="limit"/> runs, newest start first (runs started at the same instant: the one
    /// saved first comes last); only those of <paramref name="jobName"/> when given.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    Task<IReadOnlyList<JobRun>> GetJobRunsAsync(string? jobName = null, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>Reads the newest run of a job, only with <paramref name="status"/> when given, or <see langword="null"/>.</summary>
    Task<JobRun?> GetLatestJobRunAsync(string jobName, JobRunStatus? status = null, CancellationToken cancellationToken = default);
}
