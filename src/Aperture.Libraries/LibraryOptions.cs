using System.ComponentModel.DataAnnotations;

namespace Aperture.Libraries;

/// <summary>Settings of the library writer, bound from <c>Aperture:Libraries</c>.</summary>
public sealed class LibraryOptions : IValidatableObject
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Aperture:Libraries";

    /// <summary>
    /// The folder Aperture writes the libraries under, as Aperture sees it (an absolute path). Each user gets
    /// <c>&lt;OutputRoot&gt;/users/&lt;user folder&gt;/ai-movies/</c>. Required.
    /// </summary>
    [Required(ErrorMessage = "Aperture:Libraries:OutputRoot is required: the absolute folder Aperture writes the per-user libraries under.")]
    public string OutputRoot { get; set; } = string.Empty;

    /// <summary>
    /// The same folder as the media server sees it, when it differs (for example <c>/mnt/aperture</c> in the
    /// server's container); <see langword="null"/> when both see it under <see cref="OutputRoot"/>.
    /// May be a Windows path when the server runs on Windows.
    /// </summary>
    public string? ServerOutputRoot { get; set; }

    /// <summary>
    /// Where the media server's movie folders appear to Aperture, when the paths differ. <see cref="LibraryWriteMode.Auto"/>
    /// uses them to check that an original file exists before linking to it; <see cref="LibraryWriteMode.Symlink"/>
    /// warns when linked files are missing there. Empty: Aperture sees the files at the server's paths.
    /// </summary>
    public IList<MediaPathMapping> MediaPathMappings { get; set; } = [];

    /// <summary>How videos are put into the folders; <see cref="LibraryWriteMode.Auto"/> by default.</summary>
    public LibraryWriteMode Mode { get; set; } = LibraryWriteMode.Auto;

    /// <summary>
    /// The name of each user's folder. <c>{user}</c> is the sanitised display name, <c>{id}</c> the user's server id
    /// (required, so two users named alike never collide). Default <c>{user}_{id}</c>.
    /// </summary>
    public string UserFolderTemplate { get; set; } = "{user}_{id}";

    /// <summary>
    /// The name of each user's media server library; <c>{user}</c> (required) is the display name.
    /// Default <c>{user}'s AI Picks - Movies</c>.
    /// </summary>
    public string LibraryNameTemplate { get; set; } = "{user}'s AI Picks - Movies";

    /// <summary>Whether a pick's explanation is put before the plot in the <c>.nfo</c>; <see langword="true"/> by default.</summary>
    public bool IncludeExplanationInPlot { get; set; } = true;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OutputRoot) && !Path.IsPathFullyQualified(OutputRoot))
        {
            yield return Fail($"Aperture:Libraries:OutputRoot must be an absolute path; '{OutputRoot}' is relative.", nameof(OutputRoot));
        }

        if (ServerOutputRoot is not null && !ServerPaths.IsAbsolute(ServerOutputRoot))
        {
            yield return Fail($"Aperture:Libraries:ServerOutputRoot must be an absolute path as the media server sees it (for example /mnt/aperture or D:\\Aperture); '{ServerOutputRoot}' is not.", nameof(ServerOutputRoot));
        }

        for (var i = 0; i < MediaPathMappings.Count; i++)
        {
            var mapping = MediaPathMappings[i];
            if (mapping is null || !ServerPaths.IsAbsolute(mapping.ServerPath) || !Path.IsPathFullyQualified(mapping.LocalPath ?? string.Empty))
            {
                yield return Fail($"Aperture:Libraries:MediaPathMappings:{i} needs an absolute ServerPath (as the media server reports it) and an absolute LocalPath (as Aperture sees it).", nameof(MediaPathMappings));
            }
        }

        if (!Enum.IsDefined(Mode))
        {
            yield return Fail($"Aperture:Libraries:Mode must be Auto, Strm or Symlink; '{Mode}' is not.", nameof(Mode));
        }

        if (NameTemplate.ValidateUserFolder(UserFolderTemplate) is { } folderError)
        {
            yield return Fail($"Aperture:Libraries:UserFolderTemplate '{UserFolderTemplate}' is invalid: {folderError}", nameof(UserFolderTemplate));
        }

        if (NameTemplate.ValidateLibraryName(LibraryNameTemplate) is { } libraryError)
        {
            yield return Fail($"Aperture:Libraries:LibraryNameTemplate '{LibraryNameTemplate}' is invalid: {libraryError}", nameof(LibraryNameTemplate));
        }
    }

    private static ValidationResult Fail(string message, string member) => new(message, [member]);
}
