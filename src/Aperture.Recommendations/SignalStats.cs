namespace Aperture.Recommendations;

/// <summary>Running statistics of one signal over a user's candidates: range, mean and spread.</summary>
internal struct SignalStats
{
    private double _sum;
    private double _sumOfSquares;

    public SignalStats()
    {
    }

    public int Count { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public readonly double Mean => Count == 0 ? 0 : _sum / Count;

    public readonly double StandardDeviation => Count == 0 ? 0 : Math.Sqrt(Math.Max(0, (_sumOfSquares / Count) - (Mean * Mean)));

    public void Add(double value)
    {
        Count++;
        _sum += value;
        _sumOfSquares += value * value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    /// <summary>The map value ↦ (value − mean) / standard deviation (every value ↦ 0 when the signal does not vary).</summary>
    public readonly Standardiser ToStandardiser()
    {
        var spread = StandardDeviation;
        return new Standardiser(Mean, spread > 1e-9 ? 1 / spread : 0);
    }

    /// <summary>The value's position in [min, max], in [0, 1]; 1 when the signal does not vary.</summary>
    public readonly double Rescale(double value) => Max > Min ? (value - Min) / (Max - Min) : 1;
}

/// <summary>A signal's standardisation: (value − mean) × scale.</summary>
/// <param name="Mean">The signal's mean over the candidates.</param>
/// <param name="Scale">One over its standard deviation, or 0 when it does not vary.</param>
internal readonly record struct Standardiser(double Mean, double Scale)
{
    public double Apply(double value) => (value - Mean) * Scale;
}
