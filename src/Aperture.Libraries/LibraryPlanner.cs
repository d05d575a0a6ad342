using System.Globalization;
using System.Text;

namespace Aperture.Libraries;

/// <summary>Turns a user's picks into the movie folders that should exist: names, file contents, link targets.</summary>
internal sealed class LibraryPlanner
{
    // Room left in a 255-byte name for the rank prefix, a disambiguator, an extension and a temporary suffix.
    private const int MaxBaseNameBytes = 180;

    private readonly LibraryOptions _options;

    /// <summary>Creates a planner for <paramref name="options"/>.</summary>
    public LibraryPlanner(LibraryOptions options)
    {
        _options = options;
    }

    /// <summary>Plans the folders of <paramref name="entries"/>.</summary>
    /// <param name="entries">The picks, in any order.</param>
    /// <param name="dateAddedAnchor">The <c>dateadded</c> of rank 1; each later rank is one minute older.</param>
    public LibraryPlan Plan(IReadOnlyList<LibraryEntry> entries, DateTimeOffset dateAddedAnchor)
    {
        var ordered = entries.OrderBy(entry => entry.Rank).ToList();
        var rankWidth = Math.Max(2, ordered.Count == 0 ? 2 : ordered[^1].Rank.ToString(CultureInfo.InvariantCulture).Length);
        var movies = new List<PlannedMovie>(ordered.Count);
        var skipped = new List<SkippedMovie>();
        var ranksByMovie = new Dictionary<Guid, int>();
        var usedFolderNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var invisibleTargets = 0;

        foreach (var entry in ordered)
        {
            var movie = entry.Movie;
            if (SkipReason(entry, ranksByMovie) is { } reason)
            {
                skipped.Add(new SkippedMovie(entry.Rank, movie.Id, movie.DisplayTitle, reason));
                continue;
            }

            ranksByMovie[movie.Id] = entry.Rank;
            var path = movie.Path!;
            var extension = ServerPaths.GetExtension(path);
            var baseName = BaseName(movie.Title, movie.Year);
            var strm = new PlannedFile(baseName + ".strm", Encoding.UTF8.GetBytes(path), null);
            var link = extension is null ? null : new PlannedFile(baseName + extension, null, path);
            PlannedFile media = strm;
            PlannedFile? fallback = null;
            if (_options.Mode == LibraryWriteMode.Symlink && link is not null)
            {
                media = link;
                if (_options.MediaPathMappings.Count > 0 && !IsVisible(path))
                {
                    invisibleTargets++;
                }
            }
            else if (_options.Mode == LibraryWriteMode.Auto && link is not null && IsVisible(path))
            {
                media = link;
                fallback = strm;
            }

            var rank = entry.Rank.ToString("D" + rankWidth.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var key = Disambiguate(baseName, rank, movie.Id, usedFolderNames);
            var folderName = $"{rank} - {key}";
            usedFolderNames.Add(folderName);
            var explanation = _options.IncludeExplanationInPlot ? entry.Explanation : null;
            var nfo = NfoWriter.Write(movie, $"{rank} - {XmlText.Line(movie.Title)}", explanation, dateAddedAnchor.AddMinutes(1 - entry.Rank));
            movies.Add(new PlannedMovie(entry.Rank, movie.Id, folderName, key, media, fallback, new PlannedFile(baseName + ".nfo", nfo, null)));
        }

        return new LibraryPlan(movies, skipped, invisibleTargets);
    }

    /// <summary>The file name stem of a movie: <c>Title (Year)</c>, safe on every file system.</summary>
    public static string BaseName(string title, int? year)
    {
        var yearText = year is > 0 and <= 9999 ? $" ({year.Value.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
        var name = SafeName.Clean(title, MaxBaseNameBytes - SafeName.ByteCount(yearText));
        if (name.Length == 0)
        {
            name = "Untitled";
        }

        // A title that already ends with its year ("Dune (2021)") is not given it twice.
        return yearText.Length > 0 && name.EndsWith(yearText, StringComparison.Ordinal) ? name : name + yearText;
    }

    private string? SkipReason(LibraryEntry entry, Dictionary<Guid, int> ranksByMovie)
    {
        var path = entry.Movie.Path;
        if (ranksByMovie.TryGetValue(entry.Movie.Id, out var rank))
        {
            return $"it is listed twice; it was written at rank {rank.ToString(CultureInfo.InvariantCulture)}";
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return "the media server reports no file path for it";
        }

        if (ServerPaths.IsUrl(path))
        {
            return "its path is a URL, and Aperture writes only file paths (a URL may carry a key)";
        }

        if (path.Any(char.IsControl))
        {
            return "its path contains control characters";
        }

        if (_options.Mode == LibraryWriteMode.Symlink && ServerPaths.GetExtension(path) is null)
        {
            return "Symlink mode links to a file with an extension, and its path has none (a disc folder?); use Auto mode to write a .strm for it";
        }

        return null;
    }

    // Whether Aperture can see the original file (through the media path mappings): Auto mode links only to
    // files it can see, so it never leaves a dangling link.
    private bool IsVisible(string serverPath)
    {
        try
        {
            return File.Exists(ServerPaths.ToLocal(serverPath, _options.MediaPathMappings));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    // Ranks are unique in practice, so "NN - Title (Year)" already tells two films of the same title and year
    // apart; a repeated rank gets the movie id as well, so names never collide (case-insensitively, for Windows and macOS).
    private static string Disambiguate(string baseName, string rank, Guid movieId, HashSet<string> used)
    {
        if (!used.Contains($"{rank} - {baseName}"))
        {
            return baseName;
        }

        var id = movieId.ToString("N")[..8];
        var candidate = $"{baseName} [{id}]";
        for (var n = 2; used.Contains($"{rank} - {candidate}"); n++)
        {
            candidate = $"{baseName} [{id}-{n.ToString(CultureInfo.InvariantCulture)}]";
        }

        return candidate;
    }
}
