using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aperture.MediaServers;

namespace Aperture.Testing;

/// <summary>
/// Makes ids the way each dialect does: Jellyfin 32 lower-case hex digits everywhere; Emby numeric strings for items
/// and libraries, 32 hex digits for users and the server. Deterministic for a given seed.
/// </summary>
internal sealed class EmulatorIds(MediaServerKind kind, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private long _nextNumber = 1000;

    /// <summary>A new item or library id.</summary>
    public string NewItemId()
    {
        lock (_gate)
        {
            return kind == MediaServerKind.Emby
                ? (_nextNumber++).ToString(CultureInfo.InvariantCulture)
                : NewHexLocked();
        }
    }

    /// <summary>A new 32-hex id (users, the server, Emby library guids, API keys).</summary>
    public string NewHex()
    {
        lock (_gate)
        {
            return NewHexLocked();
        }
    }

    /// <summary>A stable id derived from a name (people, studios, genres): 32 hex (Jellyfin) or a number (Emby).</summary>
    public string NameId(string category, string name)
    {
        // Jellyfin itself derives ids from an MD5 of a path or name, so MD5 gives the same shape.
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"{seed}|{category}|{name}"));
        return kind == MediaServerKind.Emby
            ? (BitConverter.ToUInt32(hash) % 900_000 + 100_000).ToString(CultureInfo.InvariantCulture)
            : Convert.ToHexStringLower(hash);
    }

    /// <summary>A stable 32-hex tag derived from a value (image tags).</summary>
    public string Tag(string value) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{seed}|tag|{value}")));

    private string NewHexLocked()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
