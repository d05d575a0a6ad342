namespace Aperture.Benchmarks.Common;

/// <summary>
/// Measures the peak memory of the benchmark case being run: <see cref="Begin"/> at the end of the iteration set-up,
/// <see cref="End"/> in the iteration clean-up (see <see cref="PeakMemoryColumnAttribute"/>).
/// </summary>
internal sealed class PeakMemoryScope
{
    private string? _key;
    private long _before;

    /// <summary>Starts measuring the case <paramref name="key"/> (<see cref="PeakMemoryColumnAttribute.Key"/>).</summary>
    public void Begin(string key)
    {
        _key = key;
        _before = PeakMemory.Reset();
    }

    /// <summary>Records the case's peak, if one is being measured.</summary>
    public void End()
    {
        if (_key is not null)
        {
            PeakMemoryColumnAttribute.Record(_key, _before, PeakMemory.Peak());
            _key = null;
        }
    }
}
