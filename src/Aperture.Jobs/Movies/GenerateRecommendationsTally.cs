using System.Globalization;

namespace Aperture.Jobs.Movies;

/// <summary>What the recommendation jobs counted, and the rule that fails a run when every user failed.</summary>
internal sealed class GenerateRecommendationsTally
{
    private string? _firstError;

    public int Completed { get; set; }

    public int NoHistory { get; set; }

    public int Failed { get; private set; }

    public int Picks { get; set; }

    public void Fail(string user, string? error)
    {
        Failed++;
        _firstError ??= $"{user}: {error}";
    }

    /// <summary>
    /// Throws when users were attempted and none succeeded: then the cause is not one user's data but something
    /// shared (vectors, store), and the run must say so rather than succeed with nothing done.
    /// </summary>
    public void ThrowIfEveryUserFailed()
    {
        if (Failed > 0 && Completed == 0)
        {
            throw new ApertureException(string.Create(
                CultureInfo.InvariantCulture,
                $"Computing picks failed for every user with history ({Failed}); first error: {_firstError}. Users keep their previous picks; check the log, fix the cause and run the job again."));
        }
    }

    public Dictionary<string, long> ToCounts(int users) => new(StringComparer.Ordinal)
    {
        ["users"] = users,
        ["completed"] = Completed,
        ["noHistory"] = NoHistory,
        ["failed"] = Failed,
        ["picks"] = Picks,
    };
}
