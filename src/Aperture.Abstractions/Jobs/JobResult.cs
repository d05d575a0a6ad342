namespace Aperture.Jobs;

/// <summary>What a job run achieved.</summary>
/// <param name="Summary">One line for people, for example "2 000 movies: 12 added, 3 updated, 1 985 unchanged".</param>
/// <param name="ItemsProcessed">Items processed.</param>
/// <param name="ItemsTotal">Items there were to process, when known.</param>
/// <param name="Counts">Named counts (for example <c>added</c>, <c>failed</c>); never <see langword="null"/>.</param>
public sealed record JobResult(string Summary, long ItemsProcessed, long? ItemsTotal, IReadOnlyDictionary<string, long> Counts)
{
    /// <summary>Reads a count, 0 when absent.</summary>
    public long this[string name] => Counts.TryGetValue(name, out var value) ? value : 0;
}
