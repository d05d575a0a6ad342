using System.Numerics.Tensors;

namespace Aperture.Vectors;

/// <summary>The arithmetic of the index: normalisation and bulk dot products over a row-major matrix.</summary>
internal static class VectorKernels
{
    // A block of rows this large stays in a core's L2 cache (1–2 MiB on current x64 parts, 256 KiB to spare)
    // while every query passes over it, so the matrix is read from memory once per ScoreMany call, not once per query.
    private const int BlockBytes = 256 * 1024;

    // Below this many multiply-adds the work is too small to be worth handing to other threads.
    private const long ParallelThreshold = 1L << 24;

    /// <summary>Writes <paramref name="source"/> / ‖source‖ into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The vector is all zeros or holds a NaN or an infinity.</exception>
    public static void Normalize(ReadOnlySpan<float> source, Span<float> destination, string paramName)
    {
        var norm = TensorPrimitives.Norm(source);
        if (norm == 0f || !float.IsFinite(norm))
        {
            throw new ArgumentException(
                norm == 0f
                    ? "The vector is all zeros, so it has no direction to compare; check the embedding that produced it."
                    : "The vector holds a NaN or an infinity (or its length overflows); check the embedding that produced it.",
                paramName);
        }

        TensorPrimitives.Divide(source, norm, destination);
    }

    /// <summary>The number of rows that make one cache block at <paramref name="dimensions"/>.</summary>
    public static int RowsPerBlock(int dimensions) => Math.Max(8, BlockBytes / (dimensions * sizeof(float)));

    /// <summary>Scores one query against <paramref name="rowCount"/> rows.</summary>
    public static void Score(ReadOnlySpan<float> matrix, int rowCount, int dimensions, ReadOnlySpan<float> query, Span<float> scores)
    {
        for (var row = 0; row < rowCount; row++)
        {
            scores[row] = TensorPrimitives.Dot(matrix.Slice(row * dimensions, dimensions), query);
        }
    }

    /// <summary>
    /// Scores <c>queries.Length / dimensions</c> queries against <paramref name="rowCount"/> rows, block of rows by
    /// block of rows; blocks are shared among threads when the work is large.
    /// </summary>
    public static unsafe void ScoreMany(float[] matrix, int rowCount, int dimensions, ReadOnlySpan<float> queries, Span<float> scores)
    {
        var queryCount = queries.Length / dimensions;
        if (queryCount == 0 || rowCount == 0)
        {
            return;
        }

        var rowsPerBlock = RowsPerBlock(dimensions);
        var blockCount = (rowCount + rowsPerBlock - 1) / rowsPerBlock;
        fixed (float* queryPointer = queries)
        fixed (float* scorePointer = scores)
        {
            var work = new BlockWork(matrix, rowCount, dimensions, queryPointer, queryCount, scorePointer, rowsPerBlock);
            if ((long)rowCount * queryCount * dimensions < ParallelThreshold || Environment.ProcessorCount == 1)
            {
                for (var block = 0; block < blockCount; block++)
                {
                    work.Run(block);
                }
            }
            else
            {
                Parallel.For(0, blockCount, work.Run);
            }
        }
    }

    /// <summary>One block of rows against every query; a class so parallel workers can share the pointers.</summary>
    private sealed unsafe class BlockWork(
        float[] matrix,
        int rowCount,
        int dimensions,
        float* queries,
        int queryCount,
        float* scores,
        int rowsPerBlock)
    {
        public void Run(int block)
        {
            var firstRow = block * rowsPerBlock;
            var endRow = Math.Min(firstRow + rowsPerBlock, rowCount);
            var rows = new ReadOnlySpan<float>(matrix, firstRow * dimensions, (endRow - firstRow) * dimensions);
            for (var q = 0; q < queryCount; q++)
            {
                // The query stays in L1 while the block's rows stream from L2.
                var query = new ReadOnlySpan<float>(queries + ((long)q * dimensions), dimensions);
                var target = new Span<float>(scores + ((long)q * rowCount) + firstRow, endRow - firstRow);
                for (var r = 0; r < target.Length; r++)
                {
                    target[r] = TensorPrimitives.Dot(rows.Slice(r * dimensions, dimensions), query);
                }
            }
        }
    }
}
