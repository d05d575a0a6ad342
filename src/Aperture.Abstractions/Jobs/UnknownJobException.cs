namespace Aperture.Jobs;

/// <summary>No registered job has the requested name. The message lists the known names.</summary>
public sealed class UnknownJobException : ApertureException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobName">The name asked for.</param>
    /// <param name="knownJobs">The names of the registered jobs.</param>
    public UnknownJobException(string jobName, IReadOnlyList<string> knownJobs)
        : base(FormatMessage(jobName, knownJobs))
    {
        JobName = jobName;
        KnownJobs = knownJobs;
    }

    /// <summary>The name asked for.</summary>
    public string JobName { get; }

    /// <summary>The names of the registered jobs.</summary>
    public IReadOnlyList<string> KnownJobs { get; }

    private static string FormatMessage(string jobName, IReadOnlyList<string> knownJobs)
    {
        ArgumentNullException.ThrowIfNull(knownJobs);
        return knownJobs.Count == 0
            ? $"There is no job named '{jobName}': no jobs are registered (register them with AddJob or AddMovieJobs)."
            : $"There is no job named '{jobName}'. Known jobs: {string.Join(", ", knownJobs)}.";
    }
}
