using Aperture.Catalog;
using Aperture.Embeddings;
using Aperture.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aperture.Recommendations;

/// <summary>
/// Leave-last-out evaluation over the store's watch history. Step i (1 … <see cref="EvaluationOptions.HoldoutsPerUser"/>)
/// hides, for every evaluated user at once, their i-th most recent play and everything they did after it; other data
/// stays. A session is built on what remains (so the co-watching model never sees a hidden play) and each user's top K
/// is checked for the hidden film (any copy of it counts).
/// </summary>
internal sealed class RecommendationEvaluator(
    IActiveEmbeddingModel activeModel,
    IMovieCatalogStore catalog,
    IEmbeddingStore embeddings,
    IWatchHistoryStore watchHistory,
    IUserStore userStore,
    TimeProvider timeProvider,
    ILogger<RecommendationEvaluator> logger) : IRecommendationEvaluator
{
    public async Task<EvaluationResult> EvaluateAsync(RecommendationOptions settings, EvaluationOptions? evaluation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var results = await CompareAsync([new RecommenderVariant("settings", settings)], evaluation, cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    public async Task<IReadOnlyList<EvaluationResult>> CompareAsync(IReadOnlyList<RecommenderVariant> variants, EvaluationOptions? evaluation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(variants);
        evaluation ??= new EvaluationOptions();
        Validate(variants, evaluation);
        var dataset = await Recommender.LoadAsync(activeModel, catalog, embeddings, watchHistory, timeProvider, logger, cancellationToken).ConfigureAwait(false);
        var users = await userStore.GetUsersAsync(cancellationToken).ConfigureAwait(false);
        return await EvaluateAsync(dataset, users, variants, evaluation, timeProvider, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the evaluation on a loaded dataset.</summary>
    internal static async Task<IReadOnlyList<EvaluationResult>> EvaluateAsync(
        RecommendationDataset dataset,
        IReadOnlyList<UserAccount> users,
        IReadOnlyList<RecommenderVariant> variants,
        EvaluationOptions evaluation,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var wanted = evaluation.UserIds is null ? null : new HashSet<string>(evaluation.UserIds, StringComparer.Ordinal);
        var evaluated = users.Where(u => wanted is null || wanted.Contains(u.Id)).ToList();
        var tallies = variants.Select(_ => new Tally()).ToArray();
        var settings = variants.Select(v => ForEvaluation(v.Options, evaluation.K)).ToArray();
        var allStates = dataset.WatchesByUser.Values.SelectMany(w => w).Select(w => w.State).ToList();
        var facts = new MovieFacts(dataset);

        for (var step = 1; step <= evaluation.HoldoutsPerUser; step++)
        {
            var targets = new Dictionary<string, ResolvedWatch>(StringComparer.Ordinal);
            foreach (var user in evaluated)
            {
                // Plays newest first; a play is held out only if at least one play stays before it.
                var plays = dataset.WatchesOf(user.Id)
                    .Where(w => (w.State.Played || w.State.PlayCount > 0) && w.State.LastPlayedAt is not null)
                    .OrderByDescending(w => w.State.LastPlayedAt)
                    .ThenBy(w => w.Row)
                    .ToList();
                if (plays.Count > step)
                {
                    targets[user.Id] = plays[step - 1];
                }
            }

            if (targets.Count == 0)
            {
                break;
            }

            var training = allStates.Where(s => !targets.TryGetValue(s.UserId, out var target)
                || (s.MovieId != target.State.MovieId && (s.LastPlayedAt is not { } at || at < target.State.LastPlayedAt)));
            var stepDataset = dataset.WithWatchStates(training);
            var stepUsers = evaluated.Where(u => targets.ContainsKey(u.Id)).ToList();
            for (var v = 0; v < variants.Count; v++)
            {
                var session = new RecommendationSession(stepDataset, settings[v], explainer: null, timeProvider, NullLogger.Instance, cancellationToken, facts);
                await foreach (var result in session.RecommendAsync(stepUsers, cancellationToken).ConfigureAwait(false))
                {
                    tallies[v].Add(result.UserId, dataset.FilmOf[targets[result.UserId].Row], result, stepDataset);
                }
            }
        }

        var catalogueFilms = Enumerable.Range(0, dataset.Movies.Length).Where(r => dataset.Movies[r].IsActive).Select(r => dataset.FilmOf[r]).Distinct().Count();
        return variants.Select((variant, v) => tallies[v].Result(variant.Name, evaluation.K, catalogueFilms)).ToList();
    }

    // The settings as measured: exactly K picks, nothing spent on evidence or explanations.
    private static RecommendationOptions ForEvaluation(RecommendationOptions options, int k)
    {
        var settings = options.Clone();
        settings.PicksPerUser = k;
        settings.EvidencePerPick = 0;
        settings.Explanations = ExplanationMode.None;
        return settings;
    }

    private static void Validate(IReadOnlyList<RecommenderVariant> variants, EvaluationOptions evaluation)
    {
        if (evaluation.K is < 1 or > 500 || evaluation.HoldoutsPerUser is < 1 or > 100)
        {
            throw new ArgumentException("K must be 1–500 and HoldoutsPerUser 1–100.", nameof(evaluation));
        }

        var validator = new RecommendationOptionsValidator();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            ArgumentNullException.ThrowIfNull(variant, nameof(variants));
            if (!names.Add(variant.Name))
            {
                throw new ArgumentException($"Two variants are named '{variant.Name}'; give each its own name.", nameof(variants));
            }

            var result = validator.Validate(variant.Name, variant.Options);
            if (result.Failed)
            {
                throw new ArgumentException($"The settings '{variant.Name}' are not valid: {result.FailureMessage}", nameof(variants));
            }
        }
    }

    /// <summary>The running sums of one variant.</summary>
    private sealed class Tally
    {
        private readonly HashSet<string> _users = new(StringComparer.Ordinal);
        private readonly HashSet<int> _pickedFilms = [];
        private int _cases;
        private int _hits;
        private double _gain;

        public void Add(string userId, int targetFilm, UserRecommendations result, RecommendationDataset dataset)
        {
            _users.Add(userId);
            _cases++;
            for (var i = 0; i < result.Picks.Count; i++)
            {
                dataset.Vectors.TryGetRow(result.Picks[i].MovieId, out var row);
                var film = dataset.FilmOf[row];
                _pickedFilms.Add(film);
                if (film == targetFilm)
                {
                    _hits++;
                    _gain += 1 / Math.Log2(i + 2);
                }
            }
        }

        public EvaluationResult Result(string name, int k, int catalogueFilms) => new(
            name,
            k,
            _users.Count,
            _cases,
            _cases == 0 ? 0 : (double)_hits / _cases,
            _cases == 0 ? 0 : _gain / _cases,
            catalogueFilms == 0 ? 0 : (double)_pickedFilms.Count / catalogueFilms);
    }
}
