using System.ComponentModel.DataAnnotations;
using Aperture.Settings;
using Microsoft.Extensions.Options;

namespace Aperture.Jobs.Movies;

/// <summary>What <c>sync-movies</c> imports; bound from <c>Aperture:Jobs:SyncMovies</c>.</summary>
public sealed class SyncMoviesOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Aperture:Jobs:SyncMovies";

    /// <summary>
    /// The libraries to import, by id or name (case-insensitive). Empty (the default): every movie library of the
    /// server except Aperture's own output libraries.
    /// </summary>
    public List<string> Libraries { get; set; } = [];

    /// <summary>Libraries never imported, by id or name (case-insensitive); wins over <see cref="Libraries"/>.</summary>
    public List<string> ExcludedLibraries { get; set; } = [];

    /// <summary>
    /// The name of Aperture's per-user output libraries, <c>{user}</c> standing for the user's name; libraries named
    /// so are never imported (their items are Aperture's own picks). Default <c>{user}'s AI Picks - Movies</c>.
    /// </summary>
    [Required(ErrorMessage = "Aperture:Jobs:SyncMovies:OutputLibraryNameTemplate must not be empty.")]
    [SyncUserPlaceholder(SectionName)]
    public string OutputLibraryNameTemplate { get; set; } = "{user}'s AI Picks - Movies";

    /// <summary>How many movies are stored per transaction (1–10 000; default 500).</summary>
    [SettingRange(SectionName, 1, 10_000)]
    public int BatchSize { get; set; } = 500;
}

/// <summary>Validates <see cref="SyncMoviesOptions"/> on start (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class SyncMoviesOptionsValidator : IValidateOptions<SyncMoviesOptions>
{
}
