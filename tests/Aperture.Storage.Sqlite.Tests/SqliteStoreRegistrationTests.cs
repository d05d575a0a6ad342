using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aperture.Storage.Sqlite;

public sealed class SqliteStoreRegistrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task AddSqliteStore_registers_one_store_on_the_path_as_the_store_and_every_part()
    {
        var path = _folder.File("aperture.db");
        var services = new ServiceCollection();
        services.AddAperture(aperture => aperture.AddSqliteStore(path));
        await using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<SqliteApertureStore>(provider.GetRequiredService<IApertureStore>());

        Assert.Equal(path, store.FilePath);
        Assert.Same(store, provider.GetRequiredService<IMovieCatalogStore>());
        Assert.Same(store, provider.GetRequiredService<IUserStore>());
        Assert.Same(store, provider.GetRequiredService<IWatchHistoryStore>());
        Assert.Same(store, provider.GetRequiredService<ISyncStateStore>());
        Assert.Same(store, provider.GetRequiredService<IEmbeddingStore>());
        Assert.Same(store, provider.GetRequiredService<IRecommendationStore>());
        Assert.Same(store, provider.GetRequiredService<IJobRunStore>());
        await store.SetWatermarkAsync("k", DateTimeOffset.UnixEpoch);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Options_are_bound_from_the_storage_section_and_configure_runs_after()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aperture:Storage:Path"] = _folder.File("from-config.db"),
            ["Aperture:Storage:BusyTimeout"] = "00:00:05",
        });
        builder.Services.AddAperture(aperture => aperture.AddSqliteStore(o => o.BusyTimeout += TimeSpan.FromSeconds(1)));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;

        Assert.Equal(_folder.File("from-config.db"), options.Path);
        Assert.Equal(TimeSpan.FromSeconds(6), options.BusyTimeout);
        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task A_missing_path_fails_on_start_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAperture(aperture => aperture.AddSqliteStore());
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Aperture:Storage:Path is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_timeout_out_of_range_fails_on_start_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAperture(aperture => aperture.AddSqliteStore(o =>
        {
            o.Path = _folder.File("aperture.db");
            o.BusyTimeout = TimeSpan.FromHours(1);
        }));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Aperture:Storage:BusyTimeout", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
