using System.Buffers;

namespace Aperture.Vectors;

/// <summary>An immutable view of an index's arrays at one moment.</summary>
internal sealed class VectorSnapshot : IVectorSnapshot
{
    private readonly float[] _matrix;
    private readonly Guid[] _ids;
    private readonly Dictionary<Guid, int> _rows;

    public VectorSnapshot(float[] matrix, Guid[] ids, Dictionary<Guid, int> rows, int count, int dimensions)
    {
        _matrix = matrix;
        _ids = ids;
        _rows = rows;
        Count = count;
        Dimensions = dimensions;
        MovieIds = new ArraySegment<Guid>(ids, 0, count);
    }

    public int Dimensions { get; }

    public int Count { get; }

    public IReadOnlyList<Guid> MovieIds { get; }

    public bool TryGetRow(Guid movieId, out int row) => _rows.TryGetValue(movieId, out row);

    public ReadOnlySpan<float> GetVector(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        return _matrix.AsSpan(row * Dimensions, Dimensions);
    }

    public void Score(ReadOnlySpan<float> query, Span<float> scores)
    {
        ThrowIfWrongLength(query, Dimensions, nameof(query));
        if (scores.Length < Count)
        {
            throw new ArgumentException($"The score buffer holds {scores.Length} values; {Count} are needed (one per row).", nameof(scores));
        }

        VectorKernels.Score(_matrix, Count, Dimensions, query, scores);
    }

    public void ScoreMany(ReadOnlySpan<float> queries, Span<float> scores)
    {
        if (queries.Length % Dimensions != 0)
        {
            throw new ArgumentException(
                $"The queries hold {queries.Length} values, which is not a whole number of {Dimensions}-dimensional vectors.",
                nameof(queries));
        }

        var needed = (long)(queries.Length / Dimensions) * Count;
        if (scores.Length < needed)
        {
            throw new ArgumentException($"The score buffer holds {scores.Length} values; {needed} are needed (queries × rows).", nameof(scores));
        }

        VectorKernels.ScoreMany(_matrix, Count, Dimensions, queries, scores);
    }

    public IReadOnlyList<ScoredMovie> TopK(ReadOnlySpan<float> query, int k, IReadOnlySet<Guid>? exclude = null)
    {
        ThrowIfWrongLength(query, Dimensions, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return TopK(_matrix, _ids, _rows, Count, Dimensions, query, k, exclude);
    }

    internal static IReadOnlyList<ScoredMovie> TopK(
        float[] matrix,
        Guid[] ids,
        Dictionary<Guid, int> rows,
        int count,
        int dimensions,
        ReadOnlySpan<float> query,
        int k,
        IReadOnlySet<Guid>? exclude)
    {
        k = Math.Min(k, count);
        if (k == 0)
        {
            return [];
        }

        // Normalised, so the scores are cosines whatever the query's length.
        var unitQuery = ArrayPool<float>.Shared.Rent(dimensions);
        var scores = ArrayPool<float>.Shared.Rent(count);
        var top = ArrayPool<int>.Shared.Rent(k);
        try
        {
            VectorKernels.Normalize(query, unitQuery, nameof(query));
            VectorKernels.Score(matrix, count, dimensions, unitQuery.AsSpan(0, dimensions), scores);
            if (exclude is not null)
            {
                foreach (var id in exclude)
                {
                    if (rows.TryGetValue(id, out var row))
                    {
                        scores[row] = float.NegativeInfinity;
                    }
                }
            }

            var found = ScoreSelection.SelectTop(scores.AsSpan(0, count), top.AsSpan(0, k));
            var result = new ScoredMovie[found];
            for (var i = 0; i < found; i++)
            {
                result[i] = new ScoredMovie(ids[top[i]], scores[top[i]]);
            }

            return result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(top);
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<float>.Shared.Return(unitQuery);
        }
    }

    internal static void ThrowIfWrongLength(ReadOnlySpan<float> vector, int dimensions, string paramName)
    {
        if (vector.Length != dimensions)
        {
            throw new ArgumentException(
                $"The vector has {vector.Length} dimensions; this index holds {dimensions}-dimensional vectors (vectors of different embedding models never mix).",
                paramName);
        }
    }
}
