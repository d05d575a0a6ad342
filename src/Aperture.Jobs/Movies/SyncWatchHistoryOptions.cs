using Aperture.Settings;
using Microsoft.Extensions.Options;

namespace Aperture.Jobs.Movies;

/// <summary>How <c>sync-movie-watch-history</c> works; bound from <c>Aperture:Jobs:SyncWatchHistory</c>.</summary>
public sealed class SyncWatchHistoryOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Aperture:Jobs:SyncWatchHistory";

    /// <summary>
    /// How far before the start of a user's last successful sync the next incremental sync reaches back (0–1 h;
    /// default 5 min). The server stamps changes with its own clock, so the overlap covers a difference between the
    /// two clocks; states read twice are simply stored again.
    /// </summary>
    [SettingRange(SectionName, "00:00:00", "01:00:00")]
    public TimeSpan WatermarkOverlap { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Validates <see cref="SyncWatchHistoryOptions"/> on start (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class SyncWatchHistoryOptionsValidator : IValidateOptions<SyncWatchHistoryOptions>
{
}
