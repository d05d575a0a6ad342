namespace Aperture.Jobs;

/// <summary>
/// A job cannot start because a job it depends on has never succeeded. The message names the job to run first.
/// </summary>
public sealed class JobPrerequisiteMissingException : ApertureException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobName">The job that cannot start.</param>
    /// <param name="missingPrerequisites">The prerequisites without a successful run, in the job's order (at least one).</param>
    public JobPrerequisiteMissingException(string jobName, IReadOnlyList<string> missingPrerequisites)
        : base(FormatMessage(jobName, missingPrerequisites))
    {
        JobName = jobName;
        MissingPrerequisites = missingPrerequisites;
    }

    /// <summary>The job that cannot start.</summary>
    public string JobName { get; }

    /// <summary>The prerequisites without a successful run, in the job's order.</summary>
    public IReadOnlyList<string> MissingPrerequisites { get; }

    private static string FormatMessage(string jobName, IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentOutOfRangeException.ThrowIfZero(missing.Count);
        var needs = string.Join(" and ", missing.Select(static name => $"'{name}'"));
        return $"Job '{jobName}' needs a successful run of {needs} first. Run '{missing[0]}' first "
            + $"(or run the whole pipeline), then start '{jobName}' again.";
    }
}
