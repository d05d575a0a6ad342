using Aperture.Storage;
using Aperture.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aperture;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteStoreApertureBuilderExtensions
{
    /// <summary>
    /// Registers the SQLite store on <paramref name="path"/> as <see cref="IApertureStore"/> and as each of its parts,
    /// replacing any store registered before. See <see cref="AddSqliteStore(IApertureBuilder, Action{SqliteStoreOptions})"/>.
    /// </summary>
    public static IApertureBuilder AddSqliteStore(this IApertureBuilder builder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.AddSqliteStore(options => options.Path = path);
    }

    /// <summary>
    /// Registers the SQLite store as <see cref="IApertureStore"/> and as each of its parts, replacing any store
    /// registered before. Options are bound from <c>Aperture:Storage</c> (when an <see cref="IConfiguration"/> is
    /// registered), then <paramref name="configure"/> runs; they are validated on start (the path is required).
    /// </summary>
    /// <remarks>
    /// The file is created, or upgraded to the current schema, on the store's first use; a file the store cannot
    /// use (not SQLite, corrupt, from a newer version, in a folder that cannot be written) fails that first call
    /// with a <see cref="StoreException"/> naming the file, and is left untouched.
    /// </remarks>
    public static IApertureBuilder AddSqliteStore(this IApertureBuilder builder, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SqliteStoreOptions>()
            .Configure<IServiceProvider>(static (options, provider) =>
                provider.GetService<IConfiguration>()?.GetSection(SqliteStoreOptions.SectionName).Bind(options))
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        return builder.AddStore(static provider => new SqliteApertureStore(
            provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SqliteApertureStore>>()));
    }
}
