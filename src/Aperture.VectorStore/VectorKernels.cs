using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

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
    public static void Normalize(ReadOnlySpan<float> source, Span<float> destination, string paramName) =>
        TensorPrimitives.Divide(source, CheckedNorm(source, paramName), destination);

    /// <summary>‖<paramref name="vector"/>‖, checked to be positive and finite.</summary>
    /// <exception cref="ArgumentException">The vector is all zeros or holds a NaN or an infinity.</exception>
    public static float CheckedNorm(ReadOnlySpan<float> vector, string paramName)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm == 0f || !float.IsFinite(norm))
        {
            throw new ArgumentException(
                norm == 0f
                    ? "The vector is all zeros, so it has no direction to compare; check the embedding that produced it."
                    : "The vector holds a NaN or an infinity (or its length overflows); check the embedding that produced it.",
                paramName);
        }

        return norm;
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
            fixed (float* rows = matrix)
            {
                var q = 0;
                if (Vector256.IsHardwareAccelerated && dimensions >= Vector256<float>.Count)
                {
                    // Four queries at a time stay in L1 while the block's rows stream past them from L2.
                    for (; q + 4 <= queryCount; q += 4)
                    {
                        var r = firstRow;
                        for (; r + 2 <= endRow; r += 2)
                        {
                            TwoRowsFourQueries(rows + ((long)r * dimensions), q, r);
                        }

                        for (; r < endRow; r++)
                        {
                            for (var k = q; k < q + 4; k++)
                            {
                                Single(rows, k, r);
                            }
                        }
                    }
                }

                for (; q < queryCount; q++)
                {
                    for (var r = firstRow; r < endRow; r++)
                    {
                        Single(rows, q, r);
                    }
                }
            }
        }

        private void Single(float* rows, int q, int r) =>
            scores[((long)q * rowCount) + r] = TensorPrimitives.Dot(
                new ReadOnlySpan<float>(rows + ((long)r * dimensions), dimensions),
                new ReadOnlySpan<float>(queries + ((long)q * dimensions), dimensions));

        // Eight dot products at once: each load of a row or query feeds several multiply-adds, so the kernel is bound
        // by arithmetic rather than by loads (TensorPrimitives.Dot does one load per multiply-add).
        private void TwoRowsFourQueries(float* row0, int q, int r)
        {
            var row1 = row0 + dimensions;
            var q0 = queries + ((long)q * dimensions);
            var q1 = q0 + dimensions;
            var q2 = q1 + dimensions;
            var q3 = q2 + dimensions;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector256<float> b0 = default, b1 = default, b2 = default, b3 = default;
            var i = 0;
            for (; i + Vector256<float>.Count <= dimensions; i += Vector256<float>.Count)
            {
                var x = Vector256.Load(row0 + i);
                var y = Vector256.Load(row1 + i);
                var v = Vector256.Load(q0 + i);
                a0 = Vector256.FusedMultiplyAdd(x, v, a0);
                b0 = Vector256.FusedMultiplyAdd(y, v, b0);
                v = Vector256.Load(q1 + i);
                a1 = Vector256.FusedMultiplyAdd(x, v, a1);
                b1 = Vector256.FusedMultiplyAdd(y, v, b1);
                v = Vector256.Load(q2 + i);
                a2 = Vector256.FusedMultiplyAdd(x, v, a2);
                b2 = Vector256.FusedMultiplyAdd(y, v, b2);
                v = Vector256.Load(q3 + i);
                a3 = Vector256.FusedMultiplyAdd(x, v, a3);
                b3 = Vector256.FusedMultiplyAdd(y, v, b3);
            }

            float sa0 = Vector256.Sum(a0), sa1 = Vector256.Sum(a1), sa2 = Vector256.Sum(a2), sa3 = Vector256.Sum(a3);
            float sb0 = Vector256.Sum(b0), sb1 = Vector256.Sum(b1), sb2 = Vector256.Sum(b2), sb3 = Vector256.Sum(b3);
            for (; i < dimensions; i++)
            {
                sa0 += row0[i] * q0[i];
                sa1 += row0[i] * q1[i];
                sa2 += row0[i] * q2[i];
                sa3 += row0[i] * q3[i];
                sb0 += row1[i] * q0[i];
                sb1 += row1[i] * q1[i];
                sb2 += row1[i] * q2[i];
                sb3 += row1[i] * q3[i];
            }

            var target = scores + ((long)q * rowCount) + r;
            target[0] = sa0;
            target[1] = sb0;
            target += rowCount;
            target[0] = sa1;
            target[1] = sb1;
            target += rowCount;
            target[0] = sa2;
            target[1] = sb2;
            target += rowCount;
            target[0] = sa3;
            target[1] = sb3;
        }
    }
}
