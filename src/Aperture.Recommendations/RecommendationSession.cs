using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Aperture.Catalog;
using Aperture.Vectors;
using Microsoft.Extensions.Logging;

namespace Aperture.Recommendations;

/// <summary>
/// One run's recommender: the dataset, the per-movie facts, the prior and the co-watching model are prepared once;
/// users are then scored in groups (one blocked pass over the vectors per group) and each is filtered, blended,
/// diversified, given evidence and explained.
/// </summary>
internal sealed class RecommendationSession : IRecommendationSession
{
    /// <summary>The algorithm's name in the settings snapshot; bump it when scoring changes meaning.</summary>
    public const string AlgorithmName = "hybrid-v2";

    // Queries scored in one pass: a group's score matrix is this many rows of the catalogue (10 MB at 20 000 movies).
    private const int MaxQueriesPerGroup = 128;

    // Co-watch pairs (shared film × co-watcher) at which the collaborative signal has half the confidence its overlap
    // allows: a user whose films few others watched has little co-watching evidence, whatever the server's size.
    private const double CoWatchPairsForHalfConfidence = 50;

    private readonly RecommendationDataset _dataset;
    private readonly RecommendationOptions _options;
    private readonly IPickExplainer? _explainer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly MovieFacts _facts;
    private readonly CollaborativeModel _collaborative;
    private readonly float[] _prior;

    public RecommendationSession(
        RecommendationDataset dataset,
        RecommendationOptions options,
        IPickExplainer? explainer,
        TimeProvider timeProvider,
        ILogger logger,
        CancellationToken cancellationToken,
        MovieFacts? facts = null)
    {
        var started = timeProvider.GetTimestamp();
        _dataset = dataset;
        _options = options;
        _explainer = explainer;
        _timeProvider = timeProvider;
        _logger = logger;
        _facts = facts ?? new MovieFacts(dataset);
        _collaborative = CollaborativeModel.Build(dataset, options, cancellationToken);
        _prior = BuildPrior();
        SettingsJson = JsonSerializer.Serialize(Snapshot(), RecommendationsJsonContext.Default.SettingsSnapshot);
        Log.SessionReady(logger, dataset.Movies.Length, dataset.ModelKey, _collaborative.UserCount, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }

    public string ModelKey => _dataset.ModelKey;

    public string SettingsJson { get; }

    public int MovieCount => _dataset.Movies.Length;

    public async Task<UserRecommendations> RecommendAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await foreach (var result in RecommendAsync([user], cancellationToken).ConfigureAwait(false))
        {
            return result;
        }

        throw new InvalidOperationException("The session yielded no result for the user.");
    }

    public async IAsyncEnumerable<UserRecommendations> RecommendAsync(
        IReadOnlyList<UserAccount> users,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var next = 0;
        while (next < users.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = _timeProvider.GetTimestamp();
            var group = new List<UserWork>();
            var queryCount = 0;
            while (next < users.Count && (group.Count == 0 || queryCount + _options.MaxInterests <= MaxQueriesPerGroup))
            {
                var work = Prepare(users[next++]);
                queryCount += work.Profile?.Interests.Count ?? 0;
                group.Add(work);
            }

            var rows = _dataset.Movies.Length;
            var scores = ArrayPool<float>.Shared.Rent(Math.Max(1, queryCount * rows));
            try
            {
                ScoreGroup(group, queryCount, scores);
                var shared = _timeProvider.GetElapsedTime(started) / group.Count;
                var offset = 0;
                foreach (var work in group)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var interests = work.Profile?.Interests.Count ?? 0;
                    var result = await RecommendOneAsync(work, scores.AsMemory(offset * rows, interests * rows), shared, cancellationToken).ConfigureAwait(false);
                    offset += interests;
                    yield return result;
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scores);
            }
        }
    }

    /// <summary>A user's prepared inputs: their profile, or why there is none.</summary>
    private sealed record UserWork(UserAccount User, ResolvedWatch[] Watches, TasteProfile? Profile, Exception? Error);

    private UserWork Prepare(UserAccount user)
    {
        try
        {
            var watches = _dataset.WatchesOf(user.Id);
            var items = TasteProfileBuilder.SelectItems(watches, _options, _dataset.Now);
            return new UserWork(user, watches, TasteProfileBuilder.Build(items, _dataset, _options), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new UserWork(user, [], null, exception);
        }
    }

    private void ScoreGroup(List<UserWork> group, int queryCount, float[] scores)
    {
        if (queryCount == 0)
        {
            return;
        }

        var dimensions = _dataset.Vectors.Dimensions;
        var queries = ArrayPool<float>.Shared.Rent(queryCount * dimensions);
        try
        {
            var q = 0;
            foreach (var interest in group.SelectMany(w => w.Profile?.Interests ?? []))
            {
                interest.Vector.CopyTo(queries, q++ * dimensions);
            }

            _dataset.Vectors.ScoreMany(queries.AsSpan(0, queryCount * dimensions), scores.AsSpan(0, queryCount * _dataset.Movies.Length));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(queries);
        }
    }

    private async Task<UserRecommendations> RecommendOneAsync(UserWork work, ReadOnlyMemory<float> interestScores, TimeSpan sharedElapsed, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        if (work.Error is not null)
        {
            return Failed(work.User, work.Error, sharedElapsed);
        }

        if (work.Profile is not { IsEmpty: false } profile)
        {
            return new UserRecommendations(work.User.Id, RecommendationOutcome.NoHistory, [], 0, sharedElapsed);
        }

        try
        {
            var (drafts, candidateCount) = Rank(work, profile, interestScores.Span);
            IReadOnlyList<string?> explanations = _explainer is null || drafts.Count == 0
                ? new string?[drafts.Count]
                : await _explainer.ExplainAsync(new ExplanationRequest(work.User, TopGenres(profile), drafts.Select(d => d.Draft).ToList()), cancellationToken).ConfigureAwait(false);
            var picks = drafts
                .Select((d, i) => new MoviePick(i + 1, d.Draft.Movie.Id, Math.Round(d.Score, 6), d.Draft.Breakdown, d.Draft.Evidence, explanations[i]))
                .ToList();
            return new UserRecommendations(work.User.Id, RecommendationOutcome.Completed, picks, candidateCount, sharedElapsed + _timeProvider.GetElapsedTime(started));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(work.User, exception, sharedElapsed + _timeProvider.GetElapsedTime(started));
        }
    }

    private UserRecommendations Failed(UserAccount user, Exception exception, TimeSpan elapsed)
    {
        // The id as far as it can be read: the failure may lie in the account itself.
        var userId = user.User?.Id ?? string.Empty;
        Log.UserFailed(_logger, userId, exception);
        return new UserRecommendations(userId, RecommendationOutcome.Failed, [], 0, elapsed, $"{exception.GetType().Name}: {exception.Message}");
    }

    private (List<(PickDraft Draft, double Score)> Drafts, int CandidateCount) Rank(UserWork work, TasteProfile profile, ReadOnlySpan<float> interestScores)
    {
        var rows = _dataset.Movies.Length;
        var excludedFilms = CandidateRules.ExcludedFilms(work.Watches, _dataset, _options);
        var allowedLibraries = _facts.AllowedLibraries(work.User);
        var maxRating = work.User.User.MaxParentalRating;
        var relevance = ArrayPool<float>.Shared.Rent(rows);
        var content = ArrayPool<float>.Shared.Rent(rows);
        var novelty = ArrayPool<float>.Shared.Rent(rows);
        var filmScores = ArrayPool<float>.Shared.Rent(_dataset.FilmCount);
        try
        {
            // 1. Candidates, and each signal's value and spread over them.
            Array.Clear(filmScores, 0, _dataset.FilmCount);
            _collaborative.Score(profile.Items, _dataset.FilmOf, filmScores);
            var genreShares = GenreShares(profile);
            var temperature = InterestTemperature(profile, interestScores, rows);
            SignalStats contentStats = default, collaborativeStats = default, priorStats = default, noveltyStats = default;
            for (var row = 0; row < rows; row++)
            {
                if (!_facts.IsAllowed(row, maxRating, allowedLibraries) || excludedFilms.Contains(_dataset.FilmOf[row]))
                {
                    relevance[row] = float.NegativeInfinity;
                    continue;
                }

                relevance[row] = 0;
                content[row] = ContentSimilarity(profile, interestScores, rows, row, temperature);
                novelty[row] = Novelty(row, genreShares);
                contentStats.Add(content[row]);
                collaborativeStats.Add(filmScores[_dataset.FilmOf[row]]);
                priorStats.Add(_prior[row]);
                noveltyStats.Add(novelty[row]);
            }

            var candidateCount = contentStats.Count;
            if (candidateCount == 0)
            {
                return ([], 0);
            }

            // 2. Effective weights. Co-watching and popularity speak for the server's other viewers; they count only as
            //    far as this user's history overlaps theirs (standardising would otherwise give a signal resting on a
            //    few shared films as much say as content). All weights are then normalised.
            var overlap = _collaborative.SharedFilmShare(work.User.Id);
            var relevanceToUser = overlap * overlap;
            var pairs = _collaborative.CoWatchPairs(work.User.Id);
            var confidence = collaborativeStats.Max > 0
                ? Math.Min(1.0, _collaborative.SharingUsers(work.User.Id) / (double)_options.CollaborativeFullConfidenceUsers)
                    * relevanceToUser * (pairs / (pairs + CoWatchPairsForHalfConfidence))
                : 0;
            var popularityShare = _collaborative.UserCount > 1 ? _options.PopularityShare : 0;
            var priorWeight = _options.PriorWeight * ((1 - popularityShare) + (popularityShare * relevanceToUser));
            var weights = new Weights(_options.ContentWeight, _options.CollaborativeWeight * confidence, priorWeight, _options.NoveltyWeight).Normalised();

            // 3. Blend standardised signals, so each weight means the same whatever a signal's natural spread.
            var contentZ = contentStats.ToStandardiser();
            var collaborativeZ = collaborativeStats.ToStandardiser();
            var priorZ = priorStats.ToStandardiser();
            var noveltyZ = noveltyStats.ToStandardiser();
            for (var row = 0; row < rows; row++)
            {
                if (!float.IsNegativeInfinity(relevance[row]))
                {
                    relevance[row] = (float)(
                        (weights.Content * contentZ.Apply(content[row]))
                        + (weights.Collaborative * collaborativeZ.Apply(filmScores[_dataset.FilmOf[row]]))
                        + (weights.Prior * priorZ.Apply(_prior[row]))
                        + (weights.Novelty * noveltyZ.Apply(novelty[row])));
                }
            }

            // 4. A pool of the most relevant, relevance rescaled to [0, 1] over it, then diversity-aware selection.
            var poolSize = Math.Min(candidateCount, Math.Max(_options.PicksPerUser * 5, 100));
            var pool = ArrayPool<int>.Shared.Rent(poolSize);
            try
            {
                var found = ScoreSelection.SelectTop(relevance.AsSpan(0, rows), pool.AsSpan(0, poolSize));
                var best = relevance[pool[0]];
                var worst = relevance[pool[found - 1]];
                foreach (var row in pool.AsSpan(0, found))
                {
                    relevance[row] = best > worst ? (relevance[row] - worst) / (best - worst) : 1f;
                }

                var selected = DiversitySelector.Select(pool.AsSpan(0, found), relevance, _options.PicksPerUser, (float)_options.DiversityWeight, _dataset, _facts);
                var drafts = new List<(PickDraft, double)>(selected.Count);
                foreach (var pick in selected)
                {
                    var row = pick.Row;
                    var collaborative = collaborativeStats.Max > 0 ? filmScores[_dataset.FilmOf[row]] / collaborativeStats.Max : 0;
                    var evidence = EvidenceFinder.Find(row, profile.Items, _options.EvidencePerPick, _dataset);
                    var evidenceMovies = evidence.Select(e => _dataset.Vectors.TryGetRow(e.MovieId, out var r) ? _dataset.Movies[r] : null).OfType<Movie>().ToList();
                    var breakdown = new ScoreBreakdown(
                        Round(contentStats.Rescale(content[row])),
                        Round(collaborative),
                        Round(_prior[row]),
                        Round(novelty[row]),
                        Round(pick.Redundancy));
                    var collaborativeShare = CollaborativeShare(weights, collaborativeZ.Apply(filmScores[_dataset.FilmOf[row]]), contentZ.Apply(content[row]), priorZ.Apply(_prior[row]), noveltyZ.Apply(novelty[row]));
                    drafts.Add((new PickDraft(_dataset.Movies[row], evidence, evidenceMovies, breakdown, collaborativeShare), pick.Score));
                }

                return (drafts, candidateCount);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(pool);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(filmScores);
            ArrayPool<float>.Shared.Return(novelty);
            ArrayPool<float>.Shared.Return(content);
            ArrayPool<float>.Shared.Return(relevance);
        }
    }

    // The share of a pick's (positive) standardised contributions that co-watching made.
    private static double CollaborativeShare(Weights weights, double collaborative, double content, double prior, double novelty)
    {
        var parts = new[] { weights.Collaborative * collaborative, weights.Content * content, weights.Prior * prior, weights.Novelty * novelty };
        var positive = parts.Where(p => p > 0).Sum();
        return positive > 0 ? Math.Max(0, parts[0]) / positive : 0;
    }

    // The temperature of the soft maximum over interests: one standard deviation of the main interest's similarities,
    // so it adapts to how spread out an embedding model's cosines are (0.1 apart on some models, 0.5 on others).
    private static double InterestTemperature(TasteProfile profile, ReadOnlySpan<float> interestScores, int rows)
    {
        if (profile.Interests.Count < 2)
        {
            return 0;
        }

        SignalStats stats = default;
        foreach (var score in interestScores[..rows])
        {
            stats.Add(score);
        }

        return Math.Max(stats.StandardDeviation, 1e-6);
    }

    // Similarity to the profile: for one interest, the cosine; for several, a share-weighted soft maximum
    // t·ln Σ shareₖ·exp(cosₖ / t): near the best interest's cosine, but a small interest counts for less (a mixture of
    // von Mises–Fisher kernels).
    private static float ContentSimilarity(TasteProfile profile, ReadOnlySpan<float> interestScores, int rows, int row, double temperature)
    {
        if (profile.Interests.Count == 0)
        {
            // Only possible when the profile's vectors cancel out exactly: no direction, so no content preference.
            return 0;
        }

        if (temperature == 0)
        {
            return interestScores[row];
        }

        var sum = 0.0;
        for (var k = 0; k < profile.Interests.Count; k++)
        {
            sum += profile.Interests[k].Share * Math.Exp((interestScores[(k * rows) + row] - 1) / temperature);
        }

        return (float)(1 + (temperature * Math.Log(sum)));
    }

    /// <summary>The blend's weights.</summary>
    private readonly record struct Weights(double Content, double Collaborative, double Prior, double Novelty)
    {
        // Sums to 1; when only the (absent) collaborative signal had weight, content stands in for it.
        public Weights Normalised()
        {
            var total = Content + Collaborative + Prior + Novelty;
            return total > 0 ? new Weights(Content / total, Collaborative / total, Prior / total, Novelty / total) : new Weights(1, 0, 0, 0);
        }
    }

    // The share of the profile's movies (by weight) that have each genre; 0 for genres never watched.
    private float[] GenreShares(TasteProfile profile)
    {
        var shares = new float[_facts.GenreNames.Length];
        var total = 0.0;
        foreach (var item in profile.Items)
        {
            total += item.Weight;
            foreach (var genre in _facts.GenresOf[item.Row])
            {
                shares[genre] += (float)item.Weight;
            }
        }

        var max = shares.Length > 0 ? shares.Max() : 0;
        if (max > 0)
        {
            for (var g = 0; g < shares.Length; g++)
            {
                shares[g] /= max;
            }
        }

        return shares;
    }

    // How unfamiliar the movie's genres are: the mean of (1 − relative share) over its genres; 0.5 without genres.
    private float Novelty(int row, float[] genreShares)
    {
        var genres = _facts.GenresOf[row];
        if (genres.Length == 0)
        {
            return 0.5f;
        }

        var novelty = 0f;
        foreach (var genre in genres)
        {
            novelty += 1 - genreShares[genre];
        }

        return novelty / genres.Length;
    }

    private List<string> TopGenres(TasteProfile profile)
    {
        var shares = GenreShares(profile);
        return Enumerable.Range(0, shares.Length)
            .Where(g => shares[g] > 0)
            .OrderByDescending(g => shares[g])
            .ThenBy(g => g)
            .Take(5)
            .Select(g => _facts.GenreNames[g])
            .ToList();
    }

    // The prior of each row: quality, blended with the server's popularity once a second user has history.
    private float[] BuildPrior()
    {
        var rows = _dataset.Movies.Length;
        var prior = new float[rows];
        var maxWatchers = 0;
        for (var film = 0; film < _dataset.FilmCount; film++)
        {
            maxWatchers = Math.Max(maxWatchers, _collaborative.WatchersOf(film));
        }

        // Popularity needs someone else's history: on a single-user server it would only echo the user.
        var share = maxWatchers > 0 && _collaborative.UserCount > 1 ? (float)_options.PopularityShare : 0f;
        var scale = maxWatchers > 0 ? 1 / MathF.Log(1 + maxWatchers) : 0f;
        for (var row = 0; row < rows; row++)
        {
            var popularity = MathF.Log(1 + _collaborative.WatchersOf(_dataset.FilmOf[row])) * scale;
            prior[row] = ((1 - share) * _facts.Quality[row]) + (share * popularity);
        }

        return prior;
    }

    private SettingsSnapshot Snapshot() => new(
        AlgorithmName,
        _dataset.ModelKey,
        _options.PicksPerUser,
        _options.RecentWatchLimit,
        _options.RecencyHalfLifeDays,
        _options.FavoriteBoost,
        _options.Profile,
        _options.MaxInterests,
        _options.ContentWeight,
        _options.CollaborativeWeight,
        _options.PriorWeight,
        _options.NoveltyWeight,
        _options.CollaborativeFullConfidenceUsers,
        _options.CollaborativeNeighbors,
        _options.PopularityShare,
        _options.DiversityWeight,
        _options.EvidencePerPick,
        _explainer switch
        {
            null => ExplanationMode.None,
            ChatExplainer => ExplanationMode.Chat,
            _ => ExplanationMode.Template,
        },
        _options.InProgressThreshold,
        _options.DislikeRatingThreshold);

    private static double Round(double value) => Math.Round(value, 4);
}
