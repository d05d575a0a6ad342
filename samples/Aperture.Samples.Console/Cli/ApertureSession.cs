using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aperture.Samples.Console.Cli;

/// <summary>A started host: its options validated, its hosted services (the scheduler, when composed) running.</summary>
internal sealed class ApertureSession : IAsyncDisposable
{
    private readonly IHost _host;

    private ApertureSession(IHost host) => _host = host;

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the host built from the configured sources (see <see cref="ApertureHostFactory.CreateConfigured"/>).</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is wrong; the message names it.</exception>
    public static Task<ApertureSession> StartConfiguredAsync(ApertureCommandSettings settings, CancellationToken cancellationToken, bool withScheduler = false) =>
        StartAsync(ApertureHostFactory.CreateConfigured(settings, withScheduler), cancellationToken);

    /// <summary>Starts <paramref name="host"/> (which validates every option) and owns it from then on.</summary>
    public static async Task<ApertureSession> StartAsync(IHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return new ApertureSession(host);
        }
        catch
        {
            await DisposeHostAsync(host).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Resolves a service.</summary>
    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Stops the host (cancelling what still runs, so it is recorded) and disposes it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await DisposeHostAsync(_host).ConfigureAwait(false);
        }
    }

    private static async ValueTask DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
