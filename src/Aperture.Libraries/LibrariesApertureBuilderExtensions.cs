using Aperture.Libraries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aperture;

/// <summary>Registers the library writer: <c>builder.AddLibraryWriter(...)</c>.</summary>
public static class LibrariesApertureBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="ILibraryWriter"/> that writes per-user library folders, with <see cref="LibraryOptions"/>
    /// bound from <c>Aperture:Libraries</c>, then <paramref name="configure"/> applied, validated at start-up.
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IApertureBuilder AddLibraryWriter(this IApertureBuilder builder, Action<LibraryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<LibraryOptions>().BindConfiguration(LibraryOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LibraryOptions>, LibraryOptionsValidator>());
        builder.Services.TryAddSingleton<ILibraryWriter, LibraryWriter>();
        return builder;
    }
}
