namespace Aperture.Vectors;

/// <summary>Creates exact in-memory vector indexes.</summary>
public static class VectorIndex
{
    /// <summary>
    /// Creates an empty exact index: one contiguous block of rows, each L2-normalised on insert, scored with SIMD.
    /// </summary>
    /// <param name="dimensions">The vector length every row will have (1 or more).</param>
    /// <param name="capacity">Rows to reserve up front, so loading that many vectors never reallocates.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is below 1 or <paramref name="capacity"/> is negative.</exception>
    public static IVectorIndex Create(int dimensions, int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        return new InMemoryVectorIndex(dimensions, capacity);
    }
}
