namespace Aperture.Testing;

/// <summary>How a <see cref="MediaServerEmulator"/> presents itself.</summary>
public sealed class MediaServerEmulatorOptions
{
    /// <summary>The API key the emulator accepts; a random 32-hex key when <see langword="null"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The server name reported by <c>/System/Info</c>.</summary>
    public string ServerName { get; set; } = "Aperture Emulator";

    /// <summary>The version reported by <c>/System/Info</c>; <c>10.11.11</c> (Jellyfin) or <c>4.8.11.0</c> (Emby) when <see langword="null"/>.</summary>
    public string? Version { get; set; }

    /// <summary>Seeds the generated ids and image tags, so two emulators seeded alike serve identical JSON.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The clock that stamps watch-state changes (<c>MinDateLastSavedForUser</c>); the system clock when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Whether received requests are kept in <see cref="MediaServerEmulator.Requests"/> (turn off for long benchmarks).</summary>
    public bool RecordRequests { get; set; } = true;
}
