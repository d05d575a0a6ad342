namespace Aperture.Jobs.Movies;

/// <summary>
/// Which users the per-user jobs process, on top of the server's disabled flag and Aperture's per-user switch;
/// bound from <c>Aperture:Jobs:Users</c>.
/// </summary>
public sealed class UserSelectionOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Aperture:Jobs:Users";

    /// <summary>Only these users, by name (case-insensitive) or id; empty (the default) for everyone.</summary>
    public List<string> Include { get; set; } = [];

    /// <summary>Never these users, by name (case-insensitive) or id; wins over <see cref="Include"/>.</summary>
    public List<string> Exclude { get; set; } = [];
}
