namespace Aperture.Recommendations;

/// <summary>The figures of one evaluated set of settings.</summary>
/// <param name="Name">The settings' name.</param>
/// <param name="K">The list length measured.</param>
/// <param name="Users">How many users were tested at least once.</param>
/// <param name="Cases">How many held-out plays were tested.</param>
/// <param name="HitRate">HR@K: the share of cases whose hidden movie was among the K picks, in [0, 1].</param>
/// <param name="Ndcg">NDCG@K: like the hit rate, but a hit at rank r counts 1 / log₂(r + 1), in [0, 1].</param>
/// <param name="Coverage">The share of the catalogue's films that were picked for at least one case, in [0, 1].</param>
public sealed record EvaluationResult(string Name, int K, int Users, int Cases, double HitRate, double Ndcg, double Coverage);
