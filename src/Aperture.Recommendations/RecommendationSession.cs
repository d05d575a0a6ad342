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
    public const string AlgorithmName = "hybrid-v1";

    // Queries scored in one pass: a group's score matrix is this many rows of the catalogue (10 MB at 20 000 movies).
    private const int MaxQueriesPerGroup = 128;

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
        CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        _dataset = dataset;
        _options = options;
        _explainer = explainer;
        _timeProvider = timeProvider;
        _logger = logger;
        _facts = new MovieFacts(dataset);
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
        var watches = _dataset.WatchesOf(user.Id);
        try
        {
            var items = TasteProfileBuilder.SelectItems(watches, _options, _dataset.Now);
            return new UserWork(user, watches, TasteProfileBuilder.Build(items, _dataset, _options), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new UserWork(user, watches, null, exception);
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
        var userId = work.User.Id;
        if (work.Error is not null)
        {
            return Failed(work.User, work.Error, sharedElapsed);
        }

        if (work.Profile is not { IsEmpty: false } profile)
        {
            return new UserRecommendations(userId, RecommendationOutcome.NoHistory, [], 0, sharedElapsed);
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
            return new UserRecommendations(userId, RecommendationOutcome.Completed, picks, candidateCount, sharedElapsed + _timeProvider.GetElapsedTime(started));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(work.User, exception, sharedElapsed + _timeProvider.GetElapsedTime(started));
        }
    }

    private UserRecommendations Failed(UserAccount user, Exception exception, TimeSpan elapsed)
    {
        Log.UserFailed(_logger, user.Id, exception);
        return new UserRecommendations(user.Id, RecommendationOutcome.Failed, [], 0, elapsed, $"{exception.GetType().Name}: {exception.Message}");
    }

    private (List<(PickDraft Draft, double Score)> Drafts, int CandidateCount) Rank(UserWork work, TasteProfile profile, ReadOnlySpan<float> interestScores)
    {
        var rows = _dataset.Movies.Length;
        var excludedFilms = CandidateRules.ExcludedFilms(work.Watches, _dataset, _options);
        var allowedLibraries = _facts.AllowedLibraries(work.User);
        var maxRating = work.User.User.MaxParentalRating;
        var relevance = ArrayPool<float>.Shared.Rent(rows);
        var content = ArrayPool<float>.Shared.Rent(rows);
        var filmScores = ArrayPool<float>.Shared.Rent(_dataset.FilmCount);
        try
        {
            // 1. Candidates and their content similarity (to the nearest interest).
            var candidateCount = 0;
            var contentMin = float.PositiveInfinity;
            var contentMax = float.NegativeInfinity;
            var interests = profile.Interests.Count;
            for (var row = 0; row < rows; row++)
            {
                if (!_facts.IsAllowed(row, maxRating, allowedLibraries) || excludedFilms.Contains(_dataset.FilmOf[row]))
                {
                    relevance[row] = float.NegativeInfinity;
                    continue;
                }

                var similarity = interestScores[row];
                for (var k = 1; k < interests; k++)
                {
                    similarity = Math.Max(similarity, interestScores[(k * rows) + row]);
                }

                content[row] = similarity;
                contentMin = Math.Min(contentMin, similarity);
                contentMax = Math.Max(contentMax, similarity);
                relevance[row] = 0;
                candidateCount++;
            }

            if (candidateCount == 0)
            {
                return ([], 0);
            }

            // 2. Co-watching support, by film.
            Array.Clear(filmScores, 0, _dataset.FilmCount);
            _collaborative.Score(profile.Items, _dataset.FilmOf, filmScores);
            var collaborativeMax = 0f;
            for (var row = 0; row < rows; row++)
            {
                if (!float.IsNegativeInfinity(relevance[row]))
                {
                    collaborativeMax = Math.Max(collaborativeMax, filmScores[_dataset.FilmOf[row]]);
                }
            }

            // 3. Effective weights: the collaborative one shrinks with the user's confidence; all are normalised.
            var confidence = collaborativeMax > 0
                ? Math.Min(1.0, _collaborative.SharingUsers(work.User.Id) / (double)_options.CollaborativeFullConfidenceUsers)
                : 0;
            var weights = new Weights(_options.ContentWeight, _options.CollaborativeWeight * confidence, _options.PriorWeight, _options.NoveltyWeight).Normalised();

            // 4. Blend.
            var genreShares = GenreShares(profile);
            var contentRange = contentMax - contentMin;
            for (var row = 0; row < rows; row++)
            {
                if (float.IsNegativeInfinity(relevance[row]))
                {
                    continue;
                }

                var c = contentRange > 0 ? (content[row] - contentMin) / contentRange : 1f;
                var k = collaborativeMax > 0 ? filmScores[_dataset.FilmOf[row]] / collaborativeMax : 0f;
                relevance[row] = (float)((weights.Content * c) + (weights.Collaborative * k) + (weights.Prior * _prior[row]) + (weights.Novelty * Novelty(row, genreShares)));
            }

            // 5. A pool of the most relevant, then diversity-aware selection from it.
            var poolSize = Math.Min(candidateCount, Math.Max(_options.PicksPerUser * 5, 100));
            var pool = ArrayPool<int>.Shared.Rent(poolSize);
            try
            {
                var found = ScoreSelection.SelectTop(relevance.AsSpan(0, rows), pool.AsSpan(0, poolSize));
                var selected = DiversitySelector.Select(pool.AsSpan(0, found), relevance, _options.PicksPerUser, (float)_options.DiversityWeight, _dataset, _facts);
                var drafts = new List<(PickDraft, double)>(selected.Count);
                foreach (var pick in selected)
                {
                    var row = pick.Row;
                    var c = contentRange > 0 ? (content[row] - contentMin) / contentRange : 1f;
                    var k = collaborativeMax > 0 ? filmScores[_dataset.FilmOf[row]] / collaborativeMax : 0f;
                    var evidence = EvidenceFinder.Find(row, profile.Items, _options.EvidencePerPick, _dataset);
                    var evidenceMovies = evidence.Select(e => _dataset.Vectors.TryGetRow(e.MovieId, out var r) ? _dataset.Movies[r] : null).OfType<Movie>().ToList();
                    var breakdown = new ScoreBreakdown(Round(c), Round(k), Round(_prior[row]), Round(Novelty(row, genreShares)), Round(pick.Redundancy));
                    var collaborativeShare = pick.Relevance > 0 ? Math.Clamp(weights.Collaborative * k / pick.Relevance, 0, 1) : 0;
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
            ArrayPool<float>.Shared.Return(content);
            ArrayPool<float>.Shared.Return(relevance);
        }
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

    // The prior of each row: quality, blended with the server's popularity as soon as several users share data.
    private float[] BuildPrior()
    {
        var rows = _dataset.Movies.Length;
        var prior = new float[rows];
        var maxWatchers = 0;
        for (var film = 0; film < _dataset.FilmCount; film++)
        {
            maxWatchers = Math.Max(maxWatchers, _collaborative.WatchersOf(film));
        }

        var confidence = Math.Clamp((_collaborative.UserCount - 1) / (double)_options.CollaborativeFullConfidenceUsers, 0, 1);
        var share = maxWatchers > 0 ? (float)(_options.PopularityShare * confidence) : 0f;
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
        _explainer is null ? ExplanationMode.None : _options.Explanations,
        _options.InProgressThreshold,
        _options.DislikeRatingThreshold);

    private static double Round(double value) => Math.Round(value, 4);
}
