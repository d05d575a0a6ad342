using System.ComponentModel.DataAnnotations;
using Aperture.Settings;

namespace Aperture.MediaServers;

/// <summary>
/// How Aperture connects to the media server; bound from <c>Aperture:MediaServer</c> and validated on start.
/// </summary>
public sealed class MediaServerOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Aperture:MediaServer";

    /// <summary>
    /// The server's address, for example <c>http://jellyfin:8096</c>, <c>http://emby:8096</c> or
    /// <c>http://emby:8096/emby</c>; an absolute http or https URL without credentials or query string.
    /// </summary>
    [Required(ErrorMessage = "Aperture:MediaServer:BaseUrl is required: set it to the server's address, for example http://jellyfin:8096.")]
    [AbsoluteHttpUrl]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>
    /// An administrator API key (Jellyfin: Dashboard → API Keys; Emby: Settings → API Keys). Sent in a header,
    /// never in a URL, and never logged.
    /// </summary>
    [Required(ErrorMessage = "Aperture:MediaServer:ApiKey is required: create an API key in the server's dashboard (API Keys) and set it here.")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>How many items one listing request asks for (1–10 000; default 500).</summary>
    [SettingRange(SectionName, 1, 10_000)]
    public int PageSize { get; set; } = 500;

    /// <summary>How many pages of a listing are fetched at once (1–16; default 4).</summary>
    [SettingRange(SectionName, 1, 16)]
    public int MaxConcurrentPages { get; set; } = 4;

    /// <summary>How long one request attempt may take before it is abandoned and retried (0.1 s – 10 min; default 60 s).</summary>
    [SettingRange(SectionName, "00:00:00.1", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a request that failed with a 5xx, 408 or 429 status or a timeout is retried (0–10; default 3).</summary>
    [SettingRange(SectionName, 0, 10)]
    public int RetryCount { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter (0–1 min; default 1 s).</summary>
    [SettingRange(SectionName, "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The client name the server shows for Aperture's session (default <c>Aperture</c>).</summary>
    [Required(ErrorMessage = "Aperture:MediaServer:ClientName must not be empty.")]
    public string ClientName { get; set; } = "Aperture";

    /// <summary>The device name the server shows for Aperture (default <c>Aperture.Core</c>).</summary>
    [Required(ErrorMessage = "Aperture:MediaServer:DeviceName must not be empty.")]
    public string DeviceName { get; set; } = "Aperture.Core";

    /// <summary>The device id the server keys Aperture's session by (default <c>aperture-core</c>).</summary>
    [Required(ErrorMessage = "Aperture:MediaServer:DeviceId must not be empty.")]
    public string DeviceId { get; set; } = "aperture-core";
}
