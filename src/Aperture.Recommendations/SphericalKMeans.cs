using System.Numerics.Tensors;

namespace Aperture.Recommendations;

/// <summary>
/// Weighted spherical k-means over a profile's movies: deterministic farthest-first seeding, then cosine assignment
/// and weighted re-centring until stable. Interests with less than a tenth of the weight are dropped.
/// </summary>
internal static class SphericalKMeans
{
    private const int MaxIterations = 12;
    private const double MinShare = 0.1;

    public static IReadOnlyList<TasteInterest> Cluster(List<ProfileItem> items, RecommendationDataset dataset, int k)
    {
        var vectors = dataset.Vectors;
        var centres = new List<float[]>(k);

        // Seed with the heaviest movie, then repeatedly the movie least like any seed, weighted, so a seed is a
        // real interest, not a one-off oddity.
        var heaviest = 0;
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i].Weight > items[heaviest].Weight)
            {
                heaviest = i;
            }
        }

        centres.Add(vectors.GetVector(items[heaviest].Row).ToArray());
        while (centres.Count < k)
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var i = 0; i < items.Count; i++)
            {
                var similarity = float.NegativeInfinity;
                foreach (var centre in centres)
                {
                    similarity = Math.Max(similarity, TensorPrimitives.Dot(vectors.GetVector(items[i].Row), centre));
                }

                var score = items[i].Weight * (1 - similarity);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = i;
                }
            }

            if (bestScore <= 1e-6)
            {
                break;
            }

            centres.Add(vectors.GetVector(items[best].Row).ToArray());
        }

        var assignment = new int[items.Count];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var changed = Assign(items, vectors, centres, assignment);
            for (var c = 0; c < centres.Count; c++)
            {
                var member = c;
                centres[c] = TasteProfileBuilder.Centroid(items, dataset, i => assignment[i] == member);
            }

            if (!changed && iteration > 0)
            {
                break;
            }
        }

        Assign(items, vectors, centres, assignment);
        var total = items.Sum(i => i.Weight);
        var shares = new double[centres.Count];
        for (var i = 0; i < items.Count; i++)
        {
            shares[assignment[i]] += items[i].Weight / total;
        }

        var interests = centres
            .Select((centre, c) => new TasteInterest(centre, shares[c]))
            .Where(interest => interest.Share >= MinShare && TensorPrimitives.Norm(interest.Vector) > 0)
            .OrderByDescending(interest => interest.Share)
            .ToList();
        var kept = interests.Sum(i => i.Share);
        return interests.Select(i => i with { Share = i.Share / kept }).ToList();
    }

    private static bool Assign(List<ProfileItem> items, Vectors.IVectorSnapshot vectors, List<float[]> centres, int[] assignment)
    {
        var changed = false;
        for (var i = 0; i < items.Count; i++)
        {
            var best = 0;
            var bestSimilarity = float.NegativeInfinity;
            for (var c = 0; c < centres.Count; c++)
            {
                var similarity = TensorPrimitives.Dot(vectors.GetVector(items[i].Row), centres[c]);
                if (similarity > bestSimilarity)
                {
                    bestSimilarity = similarity;
                    best = c;
                }
            }

            changed |= assignment[i] != best;
            assignment[i] = best;
        }

        return changed;
    }
}
