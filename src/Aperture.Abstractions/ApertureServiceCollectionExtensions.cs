using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aperture;

/// <summary>Entry point of the composition: <c>services.AddAperture()</c>.</summary>
public static class ApertureServiceCollectionExtensions
{
    /// <summary>
    /// Adds Aperture's shared services (the system <see cref="TimeProvider"/> unless one is registered) and returns
    /// a builder for the packages' own registrations.
    /// </summary>
    public static IApertureBuilder AddAperture(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        return new ApertureBuilder(services);
    }

    /// <summary>Adds Aperture's shared services, then lets <paramref name="configure"/> compose the packages.</summary>
    public static IServiceCollection AddAperture(this IServiceCollection services, Action<IApertureBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(services.AddAperture());
        return services;
    }

    private sealed class ApertureBuilder(IServiceCollection services) : IApertureBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
