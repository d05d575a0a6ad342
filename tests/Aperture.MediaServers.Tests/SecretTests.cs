using Aperture.Testing;
using Microsoft.Extensions.Logging;

namespace Aperture.MediaServers.Tests;

/// <summary>
/// The API key appears in no log line, no structured log value, no exception and no URL. (HttpClient's default
/// loggers put raw header values in the structured state of their header records; the client replaces them.)
/// </summary>
public sealed class SecretTests
{
    [Theory]
    [InlineData(MediaServerKind.Jellyfin)]
    [InlineData(MediaServerKind.Emby)]
    public async Task The_api_key_is_never_logged_nor_put_in_a_url_or_error(MediaServerKind kind)
    {
        await using var harness = await ClientHarness.StartAsync(kind, o => (o.RetryCount, o.Timeout) = (1, TimeSpan.FromMilliseconds(300)));
        var key = harness.Server.ApiKey;
        var errors = new List<Exception>();

        await EveryCall.RunAsync(harness);
        harness.Server.InjectFault(EmulatorFault.Status(503).On(EmulatorEndpoint.SystemInfo).Repeat(5));
        errors.Add(await Assert.ThrowsAnyAsync<MediaServerException>(() => harness.Client.GetServerInfoAsync()));
        harness.Server.InjectFault(EmulatorFault.Unauthorized().On(EmulatorEndpoint.Libraries));
        errors.Add(await Assert.ThrowsAnyAsync<MediaServerException>(() => harness.Client.GetLibrariesAsync()));
        harness.Server.InjectFault(EmulatorFault.MalformedJson().On(EmulatorEndpoint.Users));
        errors.Add(await Assert.ThrowsAnyAsync<MediaServerException>(() => harness.Client.GetUsersAsync()));
        harness.Server.InjectFault(EmulatorFault.Latency(TimeSpan.FromMinutes(1)).On(EmulatorEndpoint.SystemInfo).Repeat(2));
        errors.Add(await Assert.ThrowsAnyAsync<MediaServerException>(() => harness.Client.GetServerInfoAsync()));

        var logs = harness.Logs.GetSnapshot();
        // Every HTTP attempt is logged with its URL (so a key in a URL would show), by the client's own logger.
        Assert.Contains(logs, r => r.Category == typeof(MediaServerHttpLogger).FullName && r.Message.Contains(harness.Server.BaseUrl.Authority, StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Level == LogLevel.Warning);
        Assert.Contains(logs, r => r.Level == LogLevel.Information && (r.Category ?? string.Empty).StartsWith("Aperture.", StringComparison.Ordinal));
        foreach (var record in logs)
        {

            Assert.DoesNotContain(key, record.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(key, record.Exception?.ToString() ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(record.StructuredState ?? [], pair => pair.Value?.Contains(key, StringComparison.OrdinalIgnoreCase) == true);
        }

        Assert.All(errors, e => Assert.DoesNotContain(key, e.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.All(harness.Server.Requests, r => Assert.DoesNotContain(key, r.Path + "?" + string.Join("&", r.Query), StringComparison.OrdinalIgnoreCase));
    }
}
