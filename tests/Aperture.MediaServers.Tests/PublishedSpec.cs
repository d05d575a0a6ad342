using System.Text.Json;
using System.Text.RegularExpressions;

namespace Aperture.MediaServers.Tests;

/// <summary>A published OpenAPI document: which operations exist and which query parameters (and enum values) they take.</summary>
internal sealed class PublishedSpec
{
    private readonly JsonElement _root;
    private readonly List<(Regex Pattern, string Template, JsonElement Item)> _paths;

    private PublishedSpec(JsonDocument document)
    {
        _root = document.RootElement;
        _paths = [.. _root.GetProperty("paths").EnumerateObject().Select(p =>
            (new Regex("^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^/]+?\}", "[^/]+") + "$", RegexOptions.IgnoreCase), p.Name, p.Value))];
    }

    public static PublishedSpec Load(string path)
    {
        using var stream = File.OpenRead(path);
        return new PublishedSpec(JsonDocument.Parse(stream));
    }

    /// <summary>Finds the operation a request matches (templates with the fewest parameters first), or says why none does.</summary>
    public (JsonElement Operation, string Template)? Find(string method, string route)
    {
        foreach (var (pattern, template, item) in _paths.OrderBy(p => p.Template.Count(c => c == '{')))
        {
            if (pattern.IsMatch(route) && item.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                return (operation, template);
            }
        }

        return null;
    }

    /// <summary>The query parameters an operation declares, by exact name, with their schemas.</summary>
    public IReadOnlyDictionary<string, JsonElement> QueryParameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(Resolve).Where(p => p.GetProperty("in").GetString() == "query")
                .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("schema", out var schema) ? schema : default, StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>();

    /// <summary>The properties of an operation's JSON request body (Emby binds these from the query too).</summary>
    public IReadOnlySet<string> BodyProperties(JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body)
            || !body.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            return new HashSet<string>();
        }

        var schema = Resolve(json.GetProperty("schema"));
        return schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();
    }

    /// <summary>The allowed values of a parameter schema (through <c>$ref</c>, <c>allOf</c> and array items), or <see langword="null"/> when free.</summary>
    public IReadOnlySet<string>? EnumValues(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        schema = Resolve(schema);
        if (schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
        }

        if (schema.TryGetProperty("items", out var items))
        {
            return EnumValues(items);
        }

        return schema.TryGetProperty("allOf", out var all) ? all.EnumerateArray().Select(EnumValues).FirstOrDefault(v => v is not null) : null;
    }

    private JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            element = reference.GetString()!.TrimStart('#', '/').Split('/').Aggregate(_root, (node, name) => node.GetProperty(name));
        }

        return element;
    }
}
