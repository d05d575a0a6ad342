using System.Numerics.Tensors;

namespace Aperture.Recommendations;

/// <summary>Finds the watched movies that most support a pick: the profile movies most similar to it.</summary>
internal static class EvidenceFinder
{
    /// <summary>
    /// Returns up to <paramref name="count"/> profile movies most similar to <paramref name="row"/>, best first; ties go
    /// to the heavier (more recent, more loved) movie.
    /// </summary>
    public static List<PickEvidence> Find(int row, IReadOnlyList<ProfileItem> items, int count, RecommendationDataset dataset)
    {
        if (count == 0 || items.Count == 0)
        {
            return [];
        }

        var vector = dataset.Vectors.GetVector(row);
        var scored = new List<(ProfileItem Item, float Similarity)>(items.Count);
        var seenFilms = new HashSet<int>();
        foreach (var item in items)
        {
            // A film watched as two copies is cited once.
            if (seenFilms.Add(dataset.FilmOf[item.Row]))
            {
                scored.Add((item, TensorPrimitives.Dot(dataset.Vectors.GetVector(item.Row), vector)));
            }
        }

        return scored
            .OrderByDescending(s => s.Similarity)
            .ThenByDescending(s => s.Item.Weight)
            .Take(count)
            .Select(s => new PickEvidence(dataset.Movies[s.Item.Row].Id, dataset.Movies[s.Item.Row].DisplayTitle, Math.Round(s.Similarity, 4)))
            .ToList();
    }
}
