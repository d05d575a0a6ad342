using Aperture.Embeddings;
using Aperture.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture.Jobs.Tests.Movies.Embeddings;

/// <summary>
/// The job against the SQLite store, through the OpenAI SDK path and the fake server, across runs and a
/// model switch. The catalogue is written to the store directly (the sync-movies job is not in this branch).
/// </summary>
public sealed class GenerateEmbeddingsJobEndToEndTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aperture-embeddings-e2e-" + Guid.NewGuid().ToString("N"));
    private FakeOpenAIEmbeddingServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await FakeOpenAIEmbeddingServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private EmbeddingJobHarness Compose(string model) => new(
        (builder, harness) => builder.AddOpenAIEmbeddings(o =>
        {
            o.ApiKey = "sk-e2e";
            o.BaseUrl = _server.BaseUrl;
            o.Model = model;
            o.Dimensions = model == "text-embedding-3-small" ? null : 256;
            o.Retry.OnRetry = harness.SkipWait;
        }),
        builder => builder.AddSqliteStore(Path.Combine(_folder, "aperture.db")));

    [Fact]
    public async Task First_run_embeds_all_second_none_a_changed_overview_one_a_model_switch_all()
    {
        IReadOnlyList<Catalog.Movie> movies;
        await using (var harness = Compose("text-embedding-3-small"))
        {
            movies = await harness.SeedAsync(400);

            var (first, _) = await harness.RunAsync();
            Assert.Equal((400, 0), (first["generated"], first["skipped"]));
            Assert.Equal(4, _server.RequestCount);

            var (second, _) = await harness.RunAsync();
            Assert.Equal((0, 400), (second["generated"], second["skipped"]));
            Assert.Equal(4, _server.RequestCount);

            await harness.Store.UpsertMoviesAsync([movies[123] with { Overview = "Rewritten: a heist inside a dream within a dream." }]);
            var (third, _) = await harness.RunAsync();
            Assert.Equal((1, 399), (third["generated"], third["skipped"]));
            Assert.Equal(5, _server.RequestCount);
            Assert.Equal(["Movie 123 (1993)"], _server.Requests[^1].Inputs.Select(text => text.Split('\n')[0]));
        }

        // A new process with another model (shortened text-embedding-3-large): a new set, every movie again.
        await using (var harness = Compose("text-embedding-3-large"))
        {
            var (switched, _) = await harness.RunAsync();
            Assert.Equal((400, 0), (switched["generated"], switched["skipped"]));
            Assert.Equal(256, _server.Requests[^1].Dimensions);

            var sets = await harness.Services.GetRequiredService<IEmbeddingMaintenance>().GetSetsAsync();
            Assert.Equal(
                [("openai:text-embedding-3-large@256", 256, 400, true), ("openai:text-embedding-3-small", 1536, 400, false)],
                sets.Select(s => (s.Model.Key, s.Model.Dimensions, s.VectorCount, s.IsActive)));

            Assert.Equal(400, await harness.Services.GetRequiredService<IEmbeddingMaintenance>().PurgeInactiveAsync());
            Assert.Equal(["openai:text-embedding-3-large@256"], (await harness.Store.GetModelsAsync()).Select(m => m.Model.Key));
        }
    }
}
