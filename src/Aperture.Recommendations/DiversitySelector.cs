using System.Numerics.Tensors;

namespace Aperture.Recommendations;

/// <summary>
/// Greedy maximal-marginal-relevance selection: each round takes the candidate with the best
/// (1 − λ)·relevance − λ·redundancy, where redundancy blends how close it is to the nearest pick so far (cosine,
/// rescaled so the pool's typical similarity counts as none) and how many picks so far share its genres. One copy
/// per film.
/// </summary>
internal static class DiversitySelector
{
    private const float EmbeddingShare = 0.6f;

    /// <summary>A selected candidate.</summary>
    /// <param name="Row">The movie's row.</param>
    /// <param name="Relevance">Its relevance before selection.</param>
    /// <param name="Redundancy">The redundancy penalised, in [0, 1].</param>
    /// <param name="Score">(1 − λ)·relevance − λ·redundancy.</param>
    public readonly record struct Selected(int Row, float Relevance, float Redundancy, float Score);

    /// <summary>Selects up to <paramref name="count"/> of <paramref name="pool"/> (rows, best relevance first).</summary>
    public static List<Selected> Select(
        ReadOnlySpan<int> pool,
        ReadOnlySpan<float> relevance,
        int count,
        float lambda,
        RecommendationDataset dataset,
        MovieFacts facts)
    {
        var selected = new List<Selected>(count);
        var vectors = dataset.Vectors;
        var poolRows = pool.ToArray();
        var maxSimilarity = new float[poolRows.Length];
        Array.Fill(maxSimilarity, float.NegativeInfinity);
        var taken = new bool[poolRows.Length];
        var films = new HashSet<int>();
        var genreCounts = new int[facts.GenreNames.Length];
        var baseline = lambda > 0 ? TypicalSimilarity(poolRows, dataset) : 0f;

        while (selected.Count < count)
        {
            var best = -1;
            var bestScore = float.NegativeInfinity;
            var bestRedundancy = 0f;
            for (var p = 0; p < poolRows.Length; p++)
            {
                var row = poolRows[p];
                if (taken[p] || films.Contains(dataset.FilmOf[row]))
                {
                    continue;
                }

                var redundancy = selected.Count == 0 || lambda == 0 ? 0f : Redundancy(maxSimilarity[p], baseline, facts.GenresOf[row], genreCounts, selected.Count);
                var score = ((1 - lambda) * relevance[row]) - (lambda * redundancy);
                if (score > bestScore)
                {
                    best = p;
                    bestScore = score;
                    bestRedundancy = redundancy;
                }
            }

            if (best < 0)
            {
                break;
            }

            var chosen = poolRows[best];
            taken[best] = true;
            films.Add(dataset.FilmOf[chosen]);
            selected.Add(new Selected(chosen, relevance[chosen], bestRedundancy, bestScore));
            foreach (var genre in facts.GenresOf[chosen])
            {
                genreCounts[genre]++;
            }

            if (lambda > 0)
            {
                var chosenVector = vectors.GetVector(chosen);
                for (var p = 0; p < poolRows.Length; p++)
                {
                    if (!taken[p])
                    {
                        maxSimilarity[p] = Math.Max(maxSimilarity[p], TensorPrimitives.Dot(vectors.GetVector(poolRows[p]), chosenVector));
                    }
                }
            }
        }

        return selected;
    }

    private static float Redundancy(float maxSimilarity, float baseline, int[] genres, int[] genreCounts, int selectedCount)
    {
        var embedding = Math.Clamp((maxSimilarity - baseline) / (1 - baseline), 0f, 1f);
        var genre = 0f;
        if (genres.Length > 0)
        {
            foreach (var g in genres)
            {
                genre += genreCounts[g];
            }

            genre /= genres.Length * (float)selectedCount;
        }

        return (EmbeddingShare * embedding) + ((1 - EmbeddingShare) * genre);
    }

    // The mean pairwise cosine of the pool, from the length of its sum: ‖Σv‖² = n + Σ_{i≠j} vᵢ·vⱼ. Embedding models
    // differ widely here (unrelated films score 0.1 on some, 0.7 on others), so closeness is measured above it.
    private static float TypicalSimilarity(int[] rows, RecommendationDataset dataset)
    {
        if (rows.Length < 2)
        {
            return 0f;
        }

        var sum = new float[dataset.Vectors.Dimensions];
        foreach (var row in rows)
        {
            TensorPrimitives.Add(sum, dataset.Vectors.GetVector(row), sum);
        }

        var n = rows.Length;
        var squared = TensorPrimitives.Dot(sum, sum);
        return Math.Clamp((squared - n) / (n * (float)(n - 1)), 0f, 0.99f);
    }
}
