using System.Globalization;
using System.Text;

namespace Aperture.MediaServers;

/// <summary>
/// Builds a relative request URI with an escaped query. Parameter names are given in Emby's PascalCase and written
/// in the dialect's own case (Jellyfin documents camelCase), so the route check against each published spec is exact.
/// </summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _uri;
    private readonly bool _camelCase;
    private bool _hasQuery;

    public QueryBuilder(string path, bool camelCase)
    {
        _uri = new StringBuilder(path, 256);
        _camelCase = camelCase;
    }

    /// <summary>Adds a parameter; a <see langword="null"/> value adds nothing.</summary>
    public QueryBuilder Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _uri.Append(_hasQuery ? '&' : '?');
        _hasQuery = true;
        if (_camelCase)
        {
            _uri.Append(char.ToLowerInvariant(name[0])).Append(name, 1, name.Length - 1);
        }
        else
        {
            _uri.Append(name);
        }

        _uri.Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds an integer parameter.</summary>
    public QueryBuilder Add(string name, int value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean parameter as <c>true</c>/<c>false</c>.</summary>
    public QueryBuilder Add(string name, bool value) => Add(name, value ? "true" : "false");

    /// <summary>Adds a UTC time in the servers' ISO 8601 form.</summary>
    public QueryBuilder Add(string name, DateTimeOffset value) =>
        Add(name, value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture));

    /// <summary>Copies the builder, so a base query can be completed several ways (one per page).</summary>
    public QueryBuilder Clone()
    {
        var copy = new QueryBuilder(_uri.ToString(), _camelCase) { _hasQuery = _hasQuery };
        return copy;
    }

    /// <summary>The relative URI.</summary>
    public override string ToString() => _uri.ToString();
}
