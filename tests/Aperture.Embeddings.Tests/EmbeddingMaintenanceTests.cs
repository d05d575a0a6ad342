namespace Aperture.Embeddings.Tests;

public sealed class EmbeddingMaintenanceTests
{
    private static MovieVector Vector(EmbeddingModelId model) =>
        new(Guid.NewGuid(), model, "hash", new float[model.Dimensions]);

    private static async Task<EmbeddingTestServices> ServicesWithSetsAsync()
    {
        var services = new EmbeddingTestServices(builder => builder.AddHashingEmbeddings(dimensions: 8));
        var active = new EmbeddingModelId("hash", "token-hash-8", 8);
        var old = new EmbeddingModelId("openai", "text-embedding-3-small", 4);
        await services.Store.UpsertVectorsAsync([Vector(active), Vector(active), Vector(old)]);
        return services;
    }

    [Fact]
    public async Task Lists_every_set_and_marks_the_active_one()
    {
        await using var services = await ServicesWithSetsAsync();

        var sets = await services.Get<IEmbeddingMaintenance>().GetSetsAsync();

        Assert.Equal(
            [("hash:token-hash-8", 2, true), ("openai:text-embedding-3-small", 1, false)],
            sets.Select(s => (s.Model.Key, s.VectorCount, s.IsActive)));
    }

    [Fact]
    public async Task Purges_an_inactive_set()
    {
        await using var services = await ServicesWithSetsAsync();

        var purged = await services.Get<IEmbeddingMaintenance>().PurgeAsync("openai:text-embedding-3-small");

        Assert.Equal(1, purged);
        Assert.Empty(await services.Store.GetVectorsAsync("openai:text-embedding-3-small"));
        Assert.Equal(2, (await services.Store.GetVectorsAsync("hash:token-hash-8")).Count);
    }

    [Fact]
    public async Task Refuses_to_purge_the_active_set()
    {
        await using var services = await ServicesWithSetsAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.Get<IEmbeddingMaintenance>().PurgeAsync("hash:token-hash-8"));

        Assert.Contains("active embedding model", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await services.Store.GetVectorsAsync("hash:token-hash-8")).Count);
    }

    [Fact]
    public async Task Purges_every_inactive_set_at_once()
    {
        await using var services = await ServicesWithSetsAsync();
        await services.Store.UpsertVectorsAsync([Vector(new EmbeddingModelId("ollama", "nomic-embed-text", 3))]);

        var purged = await services.Get<IEmbeddingMaintenance>().PurgeInactiveAsync();

        Assert.Equal(2, purged);
        Assert.Equal(["hash:token-hash-8"], (await services.Store.GetModelsAsync()).Select(m => m.Model.Key));
    }
}
