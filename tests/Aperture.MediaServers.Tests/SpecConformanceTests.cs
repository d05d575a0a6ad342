using Aperture.Testing;

namespace Aperture.MediaServers.Tests;

/// <summary>
/// Every route, method and query parameter the clients send (as the emulator recorded them during every client call)
/// exists in the published spec of the server; Jellyfin's enum-typed values (Fields, IncludeItemTypes, SortBy, …)
/// are values of those enums. Parameter names are compared exactly: Jellyfin documents camelCase, Emby PascalCase.
/// </summary>
public sealed class SpecConformanceTests
{
    [ReferenceTheory]
    [InlineData(MediaServerKind.Jellyfin, "jellyfin-openapi/10.10.7/jellyfin-openapi-stable.json")]
    [InlineData(MediaServerKind.Jellyfin, "jellyfin-openapi/10.11.11/jellyfin-openapi-stable.json")]
    [InlineData(MediaServerKind.Emby, "emby-openapi/openapi_v3.json")]
    public async Task Every_request_the_client_sends_is_in_the_published_spec(MediaServerKind kind, string specPath)
    {
        var spec = PublishedSpec.Load(SharedReference.File(specPath) ?? throw new FileNotFoundException(specPath));
        await using var harness = await ClientHarness.StartAsync(kind);

        await EveryCall.RunAsync(harness);

        var requests = harness.Server.Requests;
        Assert.All(requests, r => Assert.InRange(r.StatusCode, 200, 299));
        Assert.Equal(EveryCall.Endpoints.Order(), requests.Select(r => r.Endpoint).Distinct().Order());
        var problems = new List<string>();
        foreach (var request in requests)
        {
            var match = spec.Find(request.Method, request.Route);
            if (match is not { } found)
            {
                problems.Add($"{request.Method} {request.Route}: no such operation");
                continue;
            }

            var parameters = spec.QueryParameters(found.Operation);
            var bodyProperties = kind == MediaServerKind.Emby ? spec.BodyProperties(found.Operation) : new HashSet<string>();
            foreach (var (name, value) in request.Query)
            {
                if (parameters.TryGetValue(name, out var schema))
                {
                    var allowed = spec.EnumValues(schema);
                    problems.AddRange(value.Split(',').Where(v => allowed is not null && !allowed.Contains(v))
                        .Select(v => $"{request.Method} {found.Template}: {name}={v} is not one of its values"));
                }
                else if (!bodyProperties.Contains(name))
                {
                    problems.Add($"{request.Method} {found.Template}: query parameter '{name}' is not documented");
                }
            }
        }

        Assert.Empty(problems.Distinct());
    }
}
