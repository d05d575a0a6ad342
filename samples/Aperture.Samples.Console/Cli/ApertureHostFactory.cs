using Aperture.Jobs;
using Aperture.Samples.Console.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aperture.Samples.Console.Cli;

/// <summary>Builds the program's host: configuration, console logging and the Aperture composition.</summary>
internal static class ApertureHostFactory
{
    /// <summary>The file of settings read next to the program and in the current folder.</summary>
    public const string SettingsFileName = "appsettings.json";

    /// <summary>
    /// A host configured from, in order (later wins): appsettings.json next to the program, appsettings.json in the
    /// current folder, <c>--config FILE</c>, environment variables (<c>APERTURE__MEDIASERVER__BASEURL</c>, …) and
    /// <c>--set KEY=VALUE</c>.
    /// </summary>
    public static IHost CreateConfigured(ApertureCommandSettings settings, bool withScheduler = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Create(
            configuration =>
            {
                configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, SettingsFileName), optional: true, reloadOnChange: false);
                var local = Path.GetFullPath(SettingsFileName);
                if (!string.Equals(local, Path.Combine(AppContext.BaseDirectory, SettingsFileName), StringComparison.Ordinal))
                {
                    configuration.AddJsonFile(local, optional: true, reloadOnChange: false);
                }

                if (settings.ConfigFile is not null)
                {
                    configuration.AddJsonFile(Path.GetFullPath(settings.ConfigFile), optional: false, reloadOnChange: false);
                }

                configuration.AddEnvironmentVariables();
                configuration.AddInMemoryCollection(settings.OverridePairs);
            },
            new ConsoleLoggerProvider(settings.Verbose),
            settings.Verbose,
            withScheduler);
    }

    /// <summary>A host whose configuration comes from <paramref name="configure"/> alone.</summary>
    /// <param name="configure">Adds the configuration sources.</param>
    /// <param name="logs">Where log lines go, or <see langword="null"/> for nowhere.</param>
    /// <param name="verbose">Whether information lines are logged (warnings and errors always are).</param>
    /// <param name="withScheduler">Whether the scheduler runs as a hosted service.</param>
    public static IHost Create(Action<IConfigurationBuilder> configure, ILoggerProvider? logs, bool verbose, bool withScheduler = false)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        configure(builder.Configuration);

        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System", LogLevel.Warning);
        if (!verbose)
        {
            // The host logs a failed start and Polly each retry; the command reports the outcome itself, in one line.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
            builder.Logging.AddFilter("Polly", LogLevel.None);
        }

        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddAperture(aperture =>
        {
            aperture.AddFromConfiguration(builder.Configuration, ("hash", static hash => hash.AddHashingEmbeddings()));
            if (withScheduler)
            {
                aperture.AddScheduler();
            }
        });
        return builder.Build();
    }
}
