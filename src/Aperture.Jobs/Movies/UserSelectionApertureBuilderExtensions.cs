using Aperture.Jobs.Movies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aperture;

/// <summary>Registers the user selection every per-user job honours.</summary>
public static class UserSelectionApertureBuilderExtensions
{
    /// <summary>
    /// Adds the user selection, configured from <c>Aperture:Jobs:Users</c> and then <paramref name="configure"/>.
    /// Per-user job registrations call it; calling it again only applies <paramref name="configure"/>.
    /// </summary>
    public static IApertureBuilder AddUserSelection(this IApertureBuilder builder, Action<UserSelectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(static s => s.ServiceType == typeof(UserSelection)))
        {
            services.AddOptions<UserSelectionOptions>().BindConfiguration(UserSelectionOptions.SectionName);
            services.AddTransient<UserSelection>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }
}
