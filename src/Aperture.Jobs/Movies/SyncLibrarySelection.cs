using System.Text.RegularExpressions;
using Aperture.Catalog;

namespace Aperture.Jobs.Movies;

/// <summary>Chooses the libraries <c>sync-movies</c> imports from the server's list and <see cref="SyncMoviesOptions"/>.</summary>
internal static class SyncLibrarySelection
{
    /// <summary>
    /// The configured libraries (<see cref="SyncMoviesOptions.Libraries"/>), or every movie library, less the
    /// excluded ones and Aperture's own output libraries.
    /// </summary>
    /// <exception cref="ApertureException">A configured library is not on the server.</exception>
    public static IReadOnlyList<MediaLibrary> Select(IReadOnlyList<MediaLibrary> libraries, SyncMoviesOptions options)
    {
        var output = OutputNamePattern(options.OutputLibraryNameTemplate);
        IEnumerable<MediaLibrary> chosen;
        if (options.Libraries.Count > 0)
        {
            var missing = options.Libraries.Where(entry => !libraries.Any(l => Names(l, entry))).ToList();
            if (missing.Count > 0)
            {
                throw new ApertureException(
                    $"{SyncMoviesOptions.SectionName}:Libraries names libraries the media server does not have: {string.Join(", ", missing)}. "
                    + $"It has: {string.Join(", ", libraries.Select(l => $"{l.Name} ({l.Id})"))}. Fix the setting or leave it empty to import every movie library.");
            }

            chosen = libraries.Where(l => options.Libraries.Any(entry => Names(l, entry)));
        }
        else
        {
            chosen = libraries.Where(l => l.IsMovieLibrary && !output.IsMatch(l.Name));
        }

        return [.. chosen.Where(l => !options.ExcludedLibraries.Any(entry => Names(l, entry)))];
    }

    /// <summary>Matches the names the template produces, whatever the user's name.</summary>
    public static Regex OutputNamePattern(string template) =>
        new("^" + Regex.Escape(template).Replace(Regex.Escape("{user}"), ".+", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool Names(MediaLibrary library, string entry)
    {
        var value = entry.Trim();
        return string.Equals(library.Id, value, StringComparison.OrdinalIgnoreCase) || string.Equals(library.Name, value, StringComparison.OrdinalIgnoreCase);
    }
}
