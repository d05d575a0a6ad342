namespace Aperture.MediaServers.Wire;

/// <summary>The parts of <c>/System/Info</c> Aperture reads.</summary>
internal sealed class SystemInfoDto
{
    public string? Id { get; set; }

    public string? ServerName { get; set; }

    public string? Version { get; set; }
}
