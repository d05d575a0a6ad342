using Aperture.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture;

/// <summary>Registers the in-memory store.</summary>
public static class InMemoryStoreApertureBuilderExtensions
{
    /// <summary>
    /// Registers one <see cref="InMemoryApertureStore"/> as <see cref="IApertureStore"/> and as each of its parts,
    /// replacing any store registered before. Its new movie ids take their time from the registered
    /// <see cref="TimeProvider"/>.
    /// </summary>
    public static IApertureBuilder AddInMemoryStore(this IApertureBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddStore(static provider =>
            new InMemoryApertureStore(provider.GetService<TimeProvider>() ?? TimeProvider.System));
    }
}
