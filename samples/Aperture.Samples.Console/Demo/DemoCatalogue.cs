using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aperture.Samples.Console.Demo;

/// <summary>One film of the bundled demo catalogue (facts only; see DemoCatalogue/NOTICE.md).</summary>
internal sealed record DemoFilm(string Title, int Year, string[] Genres, string[] Cast, string Overview, int Prominence);

/// <summary>Loads the demo catalogue embedded in this program.</summary>
internal static class DemoCatalogue
{
    /// <summary>The films of the bundled catalogue, in the file's order (year, then title).</summary>
    public static IReadOnlyList<DemoFilm> Films => LazyFilms.Value;

    private static readonly Lazy<IReadOnlyList<DemoFilm>> LazyFilms = new(Load);

    private static IReadOnlyList<DemoFilm> Load()
    {
        using var stream = typeof(DemoCatalogue).Assembly.GetManifestResourceStream("demo-catalogue.json")
            ?? throw new InvalidOperationException("The demo catalogue is missing from the program's resources; rebuild the sample.");
        return JsonSerializer.Deserialize(stream, DemoCatalogueJson.Default.DemoFilmArray) ?? [];
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DemoFilm[]))]
internal sealed partial class DemoCatalogueJson : JsonSerializerContext;
