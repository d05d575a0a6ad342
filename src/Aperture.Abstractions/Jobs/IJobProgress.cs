namespace Aperture.Jobs;

/// <summary>
/// Where a job reports how far it is. The engine turns reports into <see cref="JobProgress"/> snapshots for
/// observers; percent never goes backwards within a step and never exceeds 100, whatever the job reports.
/// Reporting never throws: out-of-range values are clamped, so a progress slip can never fail a run.
/// Safe to call from several threads at once.
/// </summary>
public interface IJobProgress
{
    /// <summary>Starts step <paramref name="index"/> (0-based) of <paramref name="count"/>; the step's item count restarts at 0.</summary>
    /// <param name="index">The step's position, 0 ≤ index &lt; count (clamped into that range).</param>
    /// <param name="count">How many steps the run has (1 or more; less counts as 1).</param>
    /// <param name="name">The step's name, shown to people (for example "Fetching movies").</param>
    /// <param name="itemsTotal">How many items the step will process, when known.</param>
    void BeginStep(int index, int count, string name, long? itemsTotal = null);

    /// <summary>Sets or corrects the current step's item total (negative counts as 0).</summary>
    void SetItemsTotal(long itemsTotal);

    /// <summary>
    /// Adds <paramref name="items"/> processed items to the current step (0 or negative adds nothing), naming the
    /// current item. Items beyond the total are counted but do not push percent past the step's end.
    /// </summary>
    void Advance(long items = 1, string? currentItem = null);
}
