using System.Globalization;
using Aperture.Testing.Data;
using Xunit.Abstractions;

namespace Aperture.Recommendations.Tests;

/// <summary>
/// The default hybrid against the baselines on synthetic servers of 1, 5 and 100 users (fixed seeds, different from
/// the seeds its design was explored on). Small servers are measured over many seeds and several held-out plays per
/// user, so each figure rests on hundreds of held-out plays.
/// </summary>
public sealed class OfflineEvaluationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, 30, 20)]
    [InlineData(5, 16, 10)]
    [InlineData(100, 3, 3)]
    public async Task The_default_hybrid_beats_popularity_and_the_reference_centroid_on_ndcg_at_10(int users, int servers, int holdouts)
    {
        RecommenderVariant[] variants =
        [
            new("popularity", RecommendationPresets.Popularity()),
            new("reference-centroid", RecommendationPresets.ReferenceCentroid()),
            new("hybrid (default)", new RecommendationOptions()),
        ];
        var totals = variants.ToDictionary(v => v.Name, _ => new Totals());
        for (var seed = 1; seed <= servers; seed++)
        {
            var server = SyntheticDataGenerator.Generate(new SyntheticDataOptions { Seed = seed, UserCount = users, MovieCount = 2_000, VectorDimensions = 64 });
            await using var host = await RecommenderHost.StartAsync(server);
            var results = await host.Evaluator.CompareAsync(variants, new EvaluationOptions { K = 10, HoldoutsPerUser = holdouts });
            foreach (var result in results)
            {
                totals[result.Name].Add(result, servers);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{users}-user servers × {servers} seeds, up to {holdouts} held-out plays per user, {totals.First().Value.Cases} cases"));
        output.WriteLine("| method | HR@10 | NDCG@10 | coverage |");
        foreach (var (name, total) in totals)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {total.HitRate:0.000} | {total.Ndcg:0.0000} | {total.Coverage:0.000} |"));
        }

        var hybrid = totals["hybrid (default)"].Ndcg;
        Assert.True(hybrid > totals["popularity"].Ndcg, $"hybrid {hybrid:0.0000} ≤ popularity {totals["popularity"].Ndcg:0.0000}");
        Assert.True(hybrid > totals["reference-centroid"].Ndcg, $"hybrid {hybrid:0.0000} ≤ reference {totals["reference-centroid"].Ndcg:0.0000}");
    }

    /// <summary>Case-weighted sums over servers.</summary>
    private sealed class Totals
    {
        private double _hits;
        private double _gain;
        private double _coverage;

        public int Cases { get; private set; }

        public double HitRate => _hits / Cases;

        public double Ndcg => _gain / Cases;

        public double Coverage => _coverage;

        public void Add(EvaluationResult result, int servers)
        {
            Cases += result.Cases;
            _hits += result.HitRate * result.Cases;
            _gain += result.Ndcg * result.Cases;
            _coverage += result.Coverage / servers;
        }
    }
}
