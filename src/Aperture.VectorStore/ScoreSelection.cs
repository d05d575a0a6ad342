namespace Aperture.Vectors;

/// <summary>Selects the best entries of a score array without sorting all of it.</summary>
public static class ScoreSelection
{
    /// <summary>
    /// Writes the indexes of the highest scores into <paramref name="destination"/> (its length is the <c>k</c>),
    /// best first; ties go to the lower index. Entries that are NaN or negative infinity are never selected, so a
    /// caller excludes an entry by setting it to <see cref="float.NegativeInfinity"/>.
    /// </summary>
    /// <returns>How many indexes were written: <c>k</c>, or fewer when fewer entries are selectable.</returns>
    public static int SelectTop(ReadOnlySpan<float> scores, Span<int> destination)
    {
        var k = destination.Length;
        if (k == 0)
        {
            return 0;
        }

        // A bounded min-heap of the best k seen so far; its root is the worst of them. Rows arrive in index order, so
        // a later row with a score equal to the root's never displaces it: that is the lower-index tie rule.
        var heap = destination;
        Span<float> heapScores = k <= 512 ? stackalloc float[k] : new float[k];
        var size = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            if (float.IsNaN(score) || float.IsNegativeInfinity(score))
            {
                continue;
            }

            if (size < k)
            {
                heap[size] = i;
                heapScores[size] = score;
                SiftUp(heap, heapScores, size++);
            }
            else if (score > heapScores[0])
            {
                heap[0] = i;
                heapScores[0] = score;
                SiftDown(heap, heapScores, size);
            }
        }

        // Pop the worst to the back: the prefix ends up best first.
        for (var end = size - 1; end > 0; end--)
        {
            (heap[0], heap[end]) = (heap[end], heap[0]);
            (heapScores[0], heapScores[end]) = (heapScores[end], heapScores[0]);
            SiftDown(heap, heapScores, end);
        }

        return size;
    }

    // "Worse" orders the heap: a lower score, or an equal score at a higher index.
    private static bool IsWorse(Span<int> rows, Span<float> scores, int a, int b) =>
        scores[a] < scores[b] || (scores[a] == scores[b] && rows[a] > rows[b]);

    private static void SiftUp(Span<int> rows, Span<float> scores, int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!IsWorse(rows, scores, index, parent))
            {
                return;
            }

            Swap(rows, scores, index, parent);
            index = parent;
        }
    }

    private static void SiftDown(Span<int> rows, Span<float> scores, int size)
    {
        var index = 0;
        while (true)
        {
            var left = (2 * index) + 1;
            if (left >= size)
            {
                return;
            }

            var worst = left + 1 < size && IsWorse(rows, scores, left + 1, left) ? left + 1 : left;
            if (!IsWorse(rows, scores, worst, index))
            {
                return;
            }

            Swap(rows, scores, index, worst);
            index = worst;
        }
    }

    private static void Swap(Span<int> rows, Span<float> scores, int a, int b)
    {
        (rows[a], rows[b]) = (rows[b], rows[a]);
        (scores[a], scores[b]) = (scores[b], scores[a]);
    }
}
