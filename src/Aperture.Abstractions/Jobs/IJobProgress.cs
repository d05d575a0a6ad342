namespace Aperture.Jobs;

/// <summary>
/// Where a job reports how far it is. The engine turns reports into <see cref="JobProgress"/> snapshots for
/// observers; percent never goes backwards within a step and never exceeds 100, whatever the job reports.
/// </summary>
public interface IJobProgress
{
    /// <summary>Starts step <paramref name="index"/> (0-based) of <paramref name="count"/>.</summary>
    /// <param name="index">The step's position, 0 ≤ index &lt; count.</param>
    /// <param name="count">How many steps the run has.</param>
    /// <param name="name">The step's name, shown to people (for example "Fetching movies").</param>
    /// <param name="itemsTotal">How many items the step will process, when known.</param>
    void BeginStep(int index, int count, string name, long? itemsTotal = null);

    /// <summary>Sets or corrects the current step's item total.</summary>
    void SetItemsTotal(long itemsTotal);

    /// <summary>Adds <paramref name="items"/> processed items to the current step, naming the current item.</summary>
    void Advance(long items = 1, string? currentItem = null);
}
