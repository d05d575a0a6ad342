using System.Globalization;
using Aperture.Catalog;
using Aperture.Embeddings;

namespace Aperture.Testing.Data;

/// <summary>
/// Generates a realistic, fully deterministic media server for tests, demos, the emulator and benchmarks.
/// </summary>
/// <remarks>
/// <para>The hidden model, so results on it can be judged honestly:</para>
/// <list type="bullet">
/// <item>Films belong to a primary topic (a taste cluster with one to three genres and an era) and, for a third of them,
/// a secondary topic. Topic sizes and interest in them follow a Zipf-like law.</item>
/// <item>Each film has a hidden quality and a long-tailed (log-normal) popularity that quality nudges up; its community
/// and critic ratings follow quality with noise. Each film also has a hidden four-number "style" (tone, pace, …) that
/// its text, and so its vector, shows only faintly.</item>
/// <item>Each user has one to four interests (topics, with weights), a style preference, a taste for mainstream or niche
/// films, and a long-tailed history length (median <see cref="SyntheticDataOptions.MedianHistoryLength"/>). Interests
/// drift: now and then one is replaced by a new topic.</item>
/// <item>Watching is time-ordered. A fifth of watches are hits: any film, drawn by popularity × exp(quality / 4), whatever
/// the user's interests. Otherwise a watch explores a random topic (probability 0.1 overall), stays in the previous
/// watch's topic (a binge, 0.25), or follows an interest (0.45); the film is drawn from that topic with weight
/// popularity^mainstream × exp(style match) × exp(quality / 4). Never twice, never above the user's parental limit.</item>
/// <item>Play counts, favourites and (for the third of users who rate) ratings follow how well the film suits the user;
/// some ratings are dislikes (3 or less). About half the users have a film in progress, some barely started.</item>
/// <item>About <see cref="SyntheticDataOptions.DuplicateShare"/> of films have a second copy (4K library; the same ids, or
/// only the same title and year) and <see cref="SyntheticDataOptions.RemakeShare"/> have a remake (same title, other year).
/// A user watches either copy.</item>
/// <item>Vectors: a shared offset (real embeddings are never centred), the topics, the genres, a faint trace of the style,
/// and per-film noise; a copy's vector is the original's with a little noise.</item>
/// </list>
/// </remarks>
public static class SyntheticDataGenerator
{
    private const int StyleDimensions = 4;

    /// <summary>Parental rating values on the media servers' scale; unknown names are absent.</summary>
    private static readonly Dictionary<string, int> RatingValues = new(StringComparer.Ordinal)
    {
        ["G"] = 1, ["PG"] = 4, ["PG-13"] = 7, ["R"] = 9, ["NC-17"] = 11, ["NR"] = 100,
    };

    /// <summary>Generates a server from <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count or share in <paramref name="options"/> is out of range.</exception>
    public static SyntheticServer Generate(SyntheticDataOptions? options = null)
    {
        options ??= new SyntheticDataOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MovieCount, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.UserCount, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.VectorDimensions, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TopicCount, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MedianHistoryLength, 1, nameof(options));
        if (options.DuplicateShare is < 0 or > 1 || options.RemakeShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "DuplicateShare and RemakeShare must be in [0, 1].");
        }

        return new Builder(options).Build();
    }

    private sealed record Topic(int Index, string[] Genres, double Weight, int Era);

    /// <summary>A film's hidden facts, kept beside its <see cref="Movie"/>.</summary>
    private sealed class Film
    {
        public required int Index { get; init; }

        public required Movie Movie { get; set; }

        public required Topic Primary { get; init; }

        public Topic? Secondary { get; init; }

        public required double Quality { get; init; }

        public required double Popularity { get; init; }

        public required double[] Style { get; init; }

        public int RatingValue { get; init; }

        /// <summary>The film this one is a copy of, or <see langword="null"/> for an original.</summary>
        public Film? CopyOf { get; init; }

        public List<Film> Copies { get; } = [];
    }

    private sealed class Builder(SyntheticDataOptions options)
    {
        private readonly Random _random = new(options.Seed);
        private readonly HashSet<string> _titleYears = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _serverIds = new(StringComparer.Ordinal);
        private readonly HashSet<int> _tmdbIds = [];
        private readonly List<Film> _films = [];
        private readonly string[] _people = BuildPeople();
        private int _numericId = 100_000;
        private Topic[] _topics = [];
        private Dictionary<Topic, List<Film>> _pools = [];
        private List<Film> _originals = [];
        private MediaLibrary _mainLibrary = null!;
        private MediaLibrary _copyLibrary = null!;

        public SyntheticServer Build()
        {
            _mainLibrary = new MediaLibrary(NewServerId(), "Movies", "movies", ["/media/movies"]);
            _copyLibrary = new MediaLibrary(NewServerId(), "Movies 4K", "movies", ["/media/movies-4k"]);
            _topics = BuildTopics();
            for (var i = 0; i < options.MovieCount; i++)
            {
                _films.Add(NewFilm(PickTopic(), title: null, year: null));
            }

            AddRemakes();
            AddCopies();
            _originals = _films.Where(f => f.CopyOf is null).ToList();
            _pools = _topics.ToDictionary(
                t => t,
                t => _films.Where(f => f.CopyOf is null && (f.Primary == t || f.Secondary == t)).ToList());
            var users = BuildUsers();
            var watches = new List<SyntheticWatch>();
            foreach (var user in users)
            {
                watches.AddRange(BuildHistory(user));
            }

            var (model, vectors) = BuildVectors();
            return new SyntheticServer(
                options,
                [_mainLibrary, _copyLibrary],
                _films.Select(f => f.Movie).ToList(),
                users.Select(u => u.User).ToList(),
                watches,
                model,
                vectors);
        }

        private Topic[] BuildTopics()
        {
            // Common genres lead more topics, as on real shelves.
            double[] genreWeights = [8, 5, 3, 9, 5, 1, 10, 3, 3, 1.5, 4, 1, 3, 5, 4, 7, 1.2, 0.8];
            var topics = new Topic[options.TopicCount];
            for (var t = 0; t < topics.Length; t++)
            {
                var genres = new List<string> { CatalogueWords.Genres[Choose(genreWeights)] };
                foreach (var chance in new[] { 0.7, 0.25 })
                {
                    if (_random.NextDouble() < chance)
                    {
                        var genre = CatalogueWords.Genres[Choose(genreWeights)];
                        if (!genres.Contains(genre))
                        {
                            genres.Add(genre);
                        }
                    }
                }

                var era = _random.NextDouble() < 0.25 ? 1975 + _random.Next(20) : 2000 + _random.Next(22);
                topics[t] = new Topic(t, genres.ToArray(), 1.0 / Math.Pow(t + 1, 0.7), era);
            }

            return topics;
        }

        private Topic PickTopic() => _topics[Choose(_topics.Select(t => t.Weight).ToArray())];

        private Film NewFilm(Topic primary, string? title, int? year)
        {
            var secondary = _random.NextDouble() < 0.33 ? _topics[_random.Next(_topics.Length)] : null;
            if (secondary == primary)
            {
                secondary = null;
            }

            var genres = primary.Genres.Concat(secondary?.Genres.Take(1) ?? []).Distinct().ToList();
            if (_random.NextDouble() < 0.15)
            {
                var extra = CatalogueWords.Genres[_random.Next(CatalogueWords.Genres.Length)];
                if (!genres.Contains(extra))
                {
                    genres.Add(extra);
                }
            }

            var quality = Gaussian();
            var popularity = Math.Exp((1.5 * Gaussian()) + (0.5 * quality));
            year ??= Math.Clamp((int)Math.Round(primary.Era + (8 * Gaussian())), 1950, options.Now.Year);
            title ??= NewTitle(year.Value);
            _titleYears.Add(TitleYear(title, year.Value));
            var officialRating = OfficialRating(genres);
            var runtime = Math.Clamp(
                (int)Math.Round((genres.Contains("Animation") ? 92 : genres.Contains("Drama") || genres.Contains("History") ? 122 : 106) + (14 * Gaussian())),
                72,
                200);
            var premiere = new DateOnly(year.Value, 1, 1).AddDays(_random.Next(365));
            var tmdb = NewTmdbId();
            var hasIds = _random.NextDouble() > 0.04;
            var people = PeopleFor(primary);
            var directors = new[] { people[_random.Next(6)] };
            var writers = new[] { people[_random.Next(people.Length)], _people[_random.Next(_people.Length)] }.Distinct().ToArray();
            var cast = Enumerable.Range(0, 4 + _random.Next(5))
                .Select(_ => _random.NextDouble() < 0.6 ? people[6 + _random.Next(people.Length - 6)] : _people[_random.Next(_people.Length)])
                .Distinct()
                .Select(name => new CastMember(name, CatalogueWords.Roles[_random.Next(CatalogueWords.Roles.Length)]))
                .ToList();
            var community = Math.Round(Math.Clamp(6.4 + (0.8 * quality) + (0.45 * Gaussian()), 1.0, 9.8), 1);
            var critic = Math.Round(Math.Clamp(62 + (15 * quality) + (10 * Gaussian()), 3, 100));
            var film = new Film
            {
                Index = _films.Count,
                Primary = primary,
                Secondary = secondary,
                Quality = quality,
                Popularity = popularity,
                Style = Enumerable.Range(0, StyleDimensions).Select(_ => Gaussian()).ToArray(),
                RatingValue = officialRating is null ? 0 : RatingValues[officialRating],
                Movie = new Movie
                {
                    Id = NewGuid(),
                    ServerId = NewServerId(),
                    LibraryId = _mainLibrary.Id,
                    Title = title,
                    SortTitle = title.StartsWith("The ", StringComparison.Ordinal) ? title[4..] : null,
                    Year = year,
                    PremiereDate = premiere,
                    Genres = genres,
                    Overview = Overview(genres),
                    Tagline = _random.NextDouble() < 0.7 ? Tagline() : null,
                    CommunityRating = _random.NextDouble() < 0.97 ? community : null,
                    CriticRating = _random.NextDouble() < 0.75 ? critic : null,
                    OfficialRating = officialRating,
                    RuntimeMinutes = runtime,
                    Path = $"/media/movies/{title} ({year})/{title} ({year}).mkv",
                    Container = "mkv",
                    Video = new VideoStreamInfo(_random.NextDouble() < 0.6 ? "h264" : "hevc", 1920, 1080),
                    Audio = new AudioStreamInfo(_random.NextDouble() < 0.5 ? "eac3" : "aac", _random.NextDouble() < 0.6 ? 6 : 2, "eng"),
                    Studios = [CatalogueWords.Studios[_random.Next(CatalogueWords.Studios.Length)]],
                    Directors = directors,
                    Writers = writers,
                    Actors = cast,
                    ImdbId = hasIds && _random.NextDouble() > 0.03 ? $"tt{(1_000_000 + (_films.Count * 97) + _random.Next(97)).ToString(CultureInfo.InvariantCulture)}" : null,
                    TmdbId = hasIds ? tmdb.ToString(CultureInfo.InvariantCulture) : null,
                    Tags = genres.Select(g => g.ToLowerInvariant()).Take(2).Append(CatalogueWords.Nouns[_random.Next(CatalogueWords.Nouns.Length)].ToLowerInvariant()).ToList(),
                    ProductionCountries = [CatalogueWords.Countries[_random.Next(CatalogueWords.Countries.Length)]],
                    DateAdded = options.Now.AddDays(-_random.Next(30, 6 * 365)),
                },
            };
            return film;
        }

        private void AddRemakes()
        {
            var count = (int)Math.Round(options.MovieCount * options.RemakeShare);
            for (var i = 0; i < count; i++)
            {
                var original = _films[_random.Next(options.MovieCount)];
                var year = original.Movie.Year!.Value + 12 + _random.Next(20);
                if (year > options.Now.Year)
                {
                    year = original.Movie.Year!.Value - 15 - _random.Next(20);
                }

                if (_titleYears.Contains(TitleYear(original.Movie.Title, year)))
                {
                    continue;
                }

                _films.Add(NewFilm(original.Primary, original.Movie.Title, year));
            }
        }

        private void AddCopies()
        {
            var count = (int)Math.Round(options.MovieCount * options.DuplicateShare);
            var originals = Enumerable.Range(0, options.MovieCount).OrderBy(_ => _random.Next()).Take(count).Select(i => _films[i]).ToList();
            foreach (var original in originals)
            {
                var movie = original.Movie;
                var keepIds = _random.NextDouble() < 0.7;
                var copy = new Film
                {
                    Index = _films.Count,
                    Primary = original.Primary,
                    Secondary = original.Secondary,
                    Quality = original.Quality,
                    Popularity = original.Popularity,
                    Style = original.Style,
                    RatingValue = original.RatingValue,
                    CopyOf = original,
                    Movie = movie with
                    {
                        Id = NewGuid(),
                        ServerId = NewServerId(),
                        LibraryId = _copyLibrary.Id,
                        Path = $"/media/movies-4k/{movie.Title} ({movie.Year})/{movie.Title} ({movie.Year}) - 2160p.mkv",
                        Video = new VideoStreamInfo("hevc", 3840, 2160),
                        ImdbId = keepIds ? movie.ImdbId : null,
                        TmdbId = keepIds ? movie.TmdbId : null,
                        DateAdded = options.Now.AddDays(-_random.Next(1, 400)),
                    },
                };
                original.Copies.Add(copy);
                _films.Add(copy);
            }
        }

        private sealed record UserTaste(MediaUser User, List<(Topic Topic, double Weight)> Interests, double[] Style, double Mainstream, int HistoryLength, bool Rates);

        private List<UserTaste> BuildUsers()
        {
            var users = new List<UserTaste>();
            for (var u = 0; u < options.UserCount; u++)
            {
                var first = CatalogueWords.FirstNames[u % CatalogueWords.FirstNames.Length];
                var name = u < CatalogueWords.FirstNames.Length ? first : $"{first} {(u / CatalogueWords.FirstNames.Length) + 1}";
                int? maxRating = u > 0 && _random.NextDouble() < 0.05 ? (_random.NextDouble() < 0.5 ? 4 : 7) : null;
                var interestCount = Choose([0.25, 0.35, 0.25, 0.15]) + 1;
                var interests = new List<(Topic, double)>();
                while (interests.Count < interestCount)
                {
                    var topic = PickTopic();
                    if (interests.All(i => i.Item1 != topic))
                    {
                        interests.Add((topic, -Math.Log(1 - _random.NextDouble())));
                    }
                }

                var length = Math.Clamp((int)Math.Round(options.MedianHistoryLength * Math.Exp(0.9 * Gaussian())), 3, 400);
                users.Add(new UserTaste(
                    new MediaUser
                    {
                        Id = NewServerId(),
                        Name = name,
                        IsAdministrator = u == 0,
                        MaxParentalRating = maxRating,
                    },
                    interests,
                    Enumerable.Range(0, StyleDimensions).Select(_ => 0.8 * Gaussian()).ToArray(),
                    0.3 + (0.9 * _random.NextDouble()),
                    length,
                    _random.NextDouble() < 0.3));
            }

            return users;
        }

        private List<SyntheticWatch> BuildHistory(UserTaste user)
        {
            var watched = new HashSet<Film>();
            var gapDays = 2 + (10 * _random.NextDouble());
            var gaps = Enumerable.Range(0, user.HistoryLength).Select(_ => -Math.Log(1 - _random.NextDouble()) * gapDays).ToArray();
            var end = options.Now.AddDays(-(-Math.Log(1 - _random.NextDouble()) * 7));
            var time = end.AddDays(-gaps.Sum());
            var watches = new List<SyntheticWatch>();
            Topic? last = null;
            for (var i = 0; i < user.HistoryLength; i++)
            {
                time = time.AddDays(gaps[i]);
                if (_random.NextDouble() < 0.04)
                {
                    // Interests drift: one is replaced by a new topic.
                    user.Interests[_random.Next(user.Interests.Count)] = (PickTopic(), -Math.Log(1 - _random.NextDouble()));
                }

                var film = NextFilm(user, watched, ref last);
                if (film is null)
                {
                    break;
                }

                watches.Add(Played(user, film, time));
            }

            foreach (var (chance, from, to) in new[] { (0.45, 0.06, 0.85), (0.25, 0.005, 0.04) })
            {
                if (_random.NextDouble() < chance && NextFilm(user, watched, ref last) is { } film)
                {
                    var runtime = TimeSpan.FromMinutes(film.Movie.RuntimeMinutes!.Value);
                    watches.Add(Watch(user, film) with
                    {
                        ResumePosition = TimeSpan.FromSeconds(Math.Round(runtime.TotalSeconds * (from + ((to - from) * _random.NextDouble())))),
                        LastPlayedAt = options.Now.AddHours(-_random.Next(1, 240)),
                    });
                }
            }

            return watches;
        }

        private Film? NextFilm(UserTaste user, HashSet<Film> watched, ref Topic? last)
        {
            var roll = _random.NextDouble();
            var topic = roll < 0.3 ? PickTopic()
                : roll < 0.55 && last is not null ? last
                : user.Interests[Choose(user.Interests.Select(i => i.Weight).ToArray())].Topic;

            // A fifth of watches are the hits everyone watches, whatever their topic.
            var mainstream = roll < 0.2;
            var pool = (mainstream ? _originals : _pools[topic]).Where(f => !watched.Contains(f)
                && (user.User.MaxParentalRating is not { } max || f.RatingValue <= max)).ToList();
            if (pool.Count == 0)
            {
                pool = _originals.Where(f => !watched.Contains(f)
                    && (user.User.MaxParentalRating is not { } max || f.RatingValue <= max)).ToList();
                if (pool.Count == 0)
                {
                    return null;
                }
            }

            var weights = pool.Select(f => mainstream
                ? f.Popularity * Math.Exp(f.Quality / 4)
                : Math.Pow(f.Popularity, user.Mainstream) * Math.Exp(StyleMatch(user, f) + (f.Quality / 4))).ToArray();
            var film = pool[Choose(weights)];
            watched.Add(film);
            last = mainstream ? film.Primary : topic;

            // A user plays whichever copy of a film comes to hand.
            return film.Copies.Count > 0 && _random.NextDouble() < 0.3 ? film.Copies[_random.Next(film.Copies.Count)] : film;
        }

        private SyntheticWatch Played(UserTaste user, Film film, DateTimeOffset time)
        {
            var affinity = StyleMatch(user, film) + (0.5 * film.Quality) + (0.5 * Gaussian());
            var repeat = _random.NextDouble() < 0.08 + (affinity > 1 ? 0.1 : 0);
            double? rating = user.Rates && _random.NextDouble() < 0.7
                ? Math.Clamp(Math.Round(6 + (1.5 * affinity) + (1.3 * Gaussian())), 1, 10)
                : null;
            return Watch(user, film) with
            {
                Played = true,
                PlayCount = repeat ? 2 + _random.Next(3) : 1,
                LastPlayedAt = time,
                IsFavorite = _random.NextDouble() < 0.04 + (affinity > 1 ? 0.08 : 0),
                UserRating = rating,
            };
        }

        private static SyntheticWatch Watch(UserTaste user, Film film) => new()
        {
            UserId = user.User.Id,
            ServerItemId = film.Movie.ServerId,
            MovieId = film.Movie.Id,
            Runtime = TimeSpan.FromMinutes(film.Movie.RuntimeMinutes!.Value),
            ImdbId = film.Movie.ImdbId,
            TmdbId = film.Movie.TmdbId,
        };

        private static double StyleMatch(UserTaste user, Film film)
        {
            var dot = 0.0;
            for (var s = 0; s < StyleDimensions; s++)
            {
                dot += user.Style[s] * film.Style[s];
            }

            return 0.9 * dot / Math.Sqrt(StyleDimensions);
        }

        private (EmbeddingModelId? Model, IReadOnlyList<MovieVector> Vectors) BuildVectors()
        {
            var dimensions = options.VectorDimensions;
            if (dimensions == 0)
            {
                return (null, []);
            }

            // A separate stream, so the catalogue is the same with or without vectors.
            var random = new Random(unchecked(options.Seed * 31) + 17);
            var common = UnitVector(random, dimensions);
            var topics = _topics.Select(_ => UnitVector(random, dimensions)).ToArray();
            var genres = CatalogueWords.Genres.ToDictionary(g => g, _ => UnitVector(random, dimensions), StringComparer.Ordinal);
            var styles = Enumerable.Range(0, StyleDimensions).Select(_ => UnitVector(random, dimensions)).ToArray();
            var model = new EmbeddingModelId("synthetic", $"taste-clusters-{dimensions.ToString(CultureInfo.InvariantCulture)}", dimensions);
            var byFilm = new Dictionary<Film, float[]>();
            var vectors = new List<MovieVector>(_films.Count);
            foreach (var film in _films)
            {
                var vector = new float[dimensions];
                if (film.CopyOf is { } original)
                {
                    Add(vector, byFilm[original], 1);
                    Add(vector, UnitVector(random, dimensions), 0.05f);
                }
                else
                {
                    Add(vector, common, 0.6f);
                    Add(vector, topics[film.Primary.Index], 1f);
                    if (film.Secondary is { } secondary)
                    {
                        Add(vector, topics[secondary.Index], 0.45f);
                    }

                    var genreWeight = 0.3f / MathF.Sqrt(film.Movie.Genres.Count);
                    foreach (var genre in film.Movie.Genres)
                    {
                        Add(vector, genres[genre], genreWeight);
                    }

                    for (var s = 0; s < StyleDimensions; s++)
                    {
                        Add(vector, styles[s], (float)(0.1 * film.Style[s]));
                    }

                    Add(vector, UnitVector(random, dimensions), 0.75f);
                }

                byFilm[film] = vector;
                vectors.Add(new MovieVector(film.Movie.Id, model, $"synthetic-{film.Index.ToString(CultureInfo.InvariantCulture)}", vector));
            }

            return (model, vectors);
        }

        private static void Add(float[] target, float[] source, float weight)
        {
            for (var i = 0; i < target.Length; i++)
            {
                target[i] += weight * source[i];
            }
        }

        private static float[] UnitVector(Random random, int dimensions)
        {
            var vector = new float[dimensions];
            var norm = 0.0;
            for (var i = 0; i < dimensions; i++)
            {
                var value = Gaussian(random);
                vector[i] = (float)value;
                norm += value * value;
            }

            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < dimensions; i++)
            {
                vector[i] *= scale;
            }

            return vector;
        }

        private string NewTitle(int year)
        {
            for (var attempt = 0; ; attempt++)
            {
                var adjective = CatalogueWords.Adjectives[_random.Next(CatalogueWords.Adjectives.Length)];
                var noun = CatalogueWords.Nouns[_random.Next(CatalogueWords.Nouns.Length)];
                var other = CatalogueWords.Nouns[_random.Next(CatalogueWords.Nouns.Length)];
                var name = CatalogueWords.FirstNames[_random.Next(CatalogueWords.FirstNames.Length)];
                var title = _random.Next(6) switch
                {
                    0 => $"The {adjective} {noun}",
                    1 => $"{adjective} {noun}",
                    2 => $"{noun} of the {adjective} {other}",
                    3 => $"{name}'s {noun}",
                    4 => $"The {noun} and the {other}",
                    _ => $"{adjective} {noun}: {other}",
                };
                if (attempt > 3)
                {
                    title = $"{title} {(attempt - 2).ToString(CultureInfo.InvariantCulture)}";
                }

                if (!_titleYears.Contains(TitleYear(title, year)))
                {
                    return title;
                }
            }
        }

        private string Overview(List<string> genres)
        {
            var hero = CatalogueWords.Heroes[_random.Next(CatalogueWords.Heroes.Length)];
            var place = CatalogueWords.Places[_random.Next(CatalogueWords.Places.Length)];
            var stakes = CatalogueWords.Stakes[genres[0]];
            var text = $"In {place}, {hero} {stakes[_random.Next(stakes.Length)]}.";
            if (genres.Count > 1)
            {
                var more = CatalogueWords.Stakes[genres[1]];
                text += $" Meanwhile, an old friend {more[_random.Next(more.Length)]}.";
            }

            return text;
        }

        private string Tagline()
        {
            var noun = CatalogueWords.Nouns[_random.Next(CatalogueWords.Nouns.Length)].ToLowerInvariant();
            var adjective = CatalogueWords.Adjectives[_random.Next(CatalogueWords.Adjectives.Length)].ToLowerInvariant();
            return _random.Next(3) switch
            {
                0 => $"Some promises outlive the {noun}.",
                1 => $"Every {noun} has a {adjective} side.",
                _ => $"Nobody leaves the {noun} unchanged.",
            };
        }

        private string? OfficialRating(List<string> genres)
        {
            var roll = _random.NextDouble();
            if (roll < 0.05)
            {
                return null;
            }

            if (genres.Contains("Animation") || genres.Contains("Family"))
            {
                return roll < 0.45 ? "G" : "PG";
            }

            if (genres.Contains("Horror"))
            {
                return roll < 0.85 ? "R" : roll < 0.95 ? "NR" : "NC-17";
            }

            if (genres.Contains("Documentary"))
            {
                return roll < 0.5 ? "NR" : "PG";
            }

            return roll < 0.15 ? "PG" : roll < 0.6 ? "PG-13" : roll < 0.98 ? "R" : "NC-17";
        }

        private string[] PeopleFor(Topic topic)
        {
            // Each topic has its own regulars (six directors, then actors), so casts recur within a taste cluster.
            var start = (topic.Index * 17) % _people.Length;
            return Enumerable.Range(0, 30).Select(i => _people[(start + (i * 7)) % _people.Length]).ToArray();
        }

        private static string[] BuildPeople() =>
            CatalogueWords.FirstNames.SelectMany(first => CatalogueWords.LastNames.Select(last => $"{first} {last}")).ToArray();

        private int NewTmdbId()
        {
            while (true)
            {
                var id = 1_000 + _random.Next(1_000_000);
                if (_tmdbIds.Add(id))
                {
                    return id;
                }
            }
        }

        private string NewServerId()
        {
            while (true)
            {
                string id;
                if (options.NumericServerIds)
                {
                    _numericId += 1 + _random.Next(40);
                    id = _numericId.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    id = NewGuid().ToString("N");
                }

                if (_serverIds.Add(id))
                {
                    return id;
                }
            }
        }

        private Guid NewGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            _random.NextBytes(bytes);
            return new Guid(bytes);
        }

        private int Choose(double[] weights)
        {
            var total = 0.0;
            foreach (var weight in weights)
            {
                total += weight;
            }

            var roll = _random.NextDouble() * total;
            for (var i = 0; i < weights.Length; i++)
            {
                roll -= weights[i];
                if (roll < 0)
                {
                    return i;
                }
            }

            return weights.Length - 1;
        }

        private double Gaussian() => Gaussian(_random);

        private static double Gaussian(Random random) =>
            Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        private static string TitleYear(string title, int year) => $"{title}|{year.ToString(CultureInfo.InvariantCulture)}";
    }
}
