using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Aperture.Testing;

/// <summary>The requests the emulator received, in arrival order.</summary>
internal sealed class EmulatorRequestLog(bool enabled)
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Snapshot() => [.. _requests];

    public void Clear() => _requests.Clear();

    public void Add(HttpRequest request, string path, string route, string? body, EmulatorEndpoint endpoint, int statusCode)
    {
        if (!enabled)
        {
            return;
        }

        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.ToString();
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.ToString();
        }

        _requests.Enqueue(new RecordedRequest(request.Method, path, route, query, headers, body, endpoint, statusCode));
    }
}
