using System.Buffers;
using System.Numerics.Tensors;
using Aperture.Vectors;

namespace Aperture.Benchmarks.Scoring;

/// <summary>
/// Prototype scoring over a half-precision matrix, for <see cref="HalfPrecisionBenchmarks"/>: rows are widened to
/// single precision a cache block at a time, then scored with the index's own kernels.
/// </summary>
internal static class HalfPrecisionKernels
{
    /// <summary>One query against every row.</summary>
    public static void Score(Half[] matrix, int rowCount, int dimensions, float[] query, float[] scores)
    {
        var rowsPerBlock = VectorKernels.RowsPerBlock(dimensions);
        var block = ArrayPool<float>.Shared.Rent(rowsPerBlock * dimensions);
        try
        {
            for (var first = 0; first < rowCount; first += rowsPerBlock)
            {
                var rows = Math.Min(rowsPerBlock, rowCount - first);
                TensorPrimitives.ConvertToSingle(matrix.AsSpan(first * dimensions, rows * dimensions), block);
                VectorKernels.Score(block, rows, dimensions, query, scores.AsSpan(first, rows));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(block);
        }
    }

    /// <summary>Many queries against every row, cache blocks shared among threads like the index's kernel.</summary>
    public static void ScoreMany(Half[] matrix, int rowCount, int dimensions, float[] queries, float[] scores)
    {
        var queryCount = queries.Length / dimensions;
        var rowsPerBlock = VectorKernels.RowsPerBlock(dimensions);
        var blockCount = (rowCount + rowsPerBlock - 1) / rowsPerBlock;
        Parallel.For(
            0,
            blockCount,
            () => (Rows: new float[rowsPerBlock * dimensions], Scores: new float[queryCount * rowsPerBlock]),
            (blockIndex, _, buffers) =>
            {
                var first = blockIndex * rowsPerBlock;
                var rows = Math.Min(rowsPerBlock, rowCount - first);
                TensorPrimitives.ConvertToSingle(matrix.AsSpan(first * dimensions, rows * dimensions), buffers.Rows);
                VectorKernels.ScoreMany(buffers.Rows, rows, dimensions, queries, buffers.Scores);
                for (var q = 0; q < queryCount; q++)
                {
                    buffers.Scores.AsSpan(q * rows, rows).CopyTo(scores.AsSpan((q * rowCount) + first, rows));
                }

                return buffers;
            },
            _ => { });
    }
}
