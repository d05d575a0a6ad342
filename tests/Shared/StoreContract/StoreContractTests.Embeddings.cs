using Aperture.Embeddings;
using static Aperture.Storage.Contract.StoreTestData;

namespace Aperture.Storage.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Vectors_round_trip_bit_for_bit_per_model()
    {
        EmbeddingModelId small = Model(8), large = Model(12, "text-embedding-3-large");
        Guid m1 = Guid.NewGuid(), m2 = Guid.NewGuid();
        MovieVector[] vectors = [Vector(m2, small, "h2", 2f), Vector(m1, small, "h1"), Vector(m1, large, "L1", 3f)];

        await Store.UpsertVectorsAsync(vectors);

        var read = await Store.GetVectorsAsync(small.Key);
        Assert.Equal(new[] { m1, m2 }.Order(), read.Select(v => v.MovieId));
        foreach (var vector in read)
        {
            var expected = vectors.Single(v => v.MovieId == vector.MovieId && v.Model == small);
            Assert.Equal(small, vector.Model);
            Assert.Equal(expected.TextHash, vector.TextHash);
            Assert.Equal(expected.Vector.ToArray(), vector.Vector.ToArray());
        }

        Assert.Equal(new Dictionary<Guid, string> { [m1] = "h1", [m2] = "h2" }, await Store.GetTextHashesAsync(small.Key));
        Assert.Equal(new Dictionary<Guid, string> { [m1] = "L1" }, await Store.GetTextHashesAsync(large.Key));
        Assert.Empty(await Store.GetTextHashesAsync("ollama:nomic-embed-text"));
        Assert.Equal([new EmbeddingModelUsage(small, 2), new EmbeddingModelUsage(large, 1)], (await Store.GetModelsAsync()).OrderBy(m => m.VectorCount).Reverse());
    }

    [Fact]
    public async Task Upserting_a_vector_again_replaces_it()
    {
        var model = Model();
        var movie = Guid.NewGuid();
        await Store.UpsertVectorsAsync([Vector(movie, model, "old", 1f)]);

        await Store.UpsertVectorsAsync([Vector(movie, model, "new", 5f)]);

        var stored = Assert.Single(await Store.GetVectorsAsync(model.Key));
        Assert.Equal("new", stored.TextHash);
        Assert.Equal(Vector(movie, model, seed: 5f).Vector.ToArray(), stored.Vector.ToArray());
    }

    [Fact]
    public async Task Stored_vectors_do_not_follow_later_changes_to_the_callers_buffer()
    {
        var model = Model(4);
        var buffer = new float[] { 1, 2, 3, 4 };
        await Store.UpsertVectorsAsync([new MovieVector(Guid.NewGuid(), model, "h", buffer)]);

        buffer[0] = 99;

        var stored = Assert.Single(await Store.GetVectorsAsync(model.Key));
        Assert.Equal([1f, 2, 3, 4], stored.Vector.ToArray());
    }

    [Fact]
    public async Task A_vector_of_the_wrong_length_is_rejected_and_nothing_of_the_batch_is_stored()
    {
        var model = Model(8);
        var wrong = new MovieVector(Guid.NewGuid(), model, "h", new float[7]);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertVectorsAsync([Vector(Guid.NewGuid(), model), wrong]));

        Assert.Empty(await Store.GetVectorsAsync(model.Key));
    }

    [Fact]
    public async Task A_model_key_cannot_mix_dimensions()
    {
        await Store.UpsertVectorsAsync([Vector(Guid.NewGuid(), Model(8))]);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertVectorsAsync([Vector(Guid.NewGuid(), Model(16))]));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertVectorsAsync([Vector(Guid.NewGuid(), Model(4)), Vector(Guid.NewGuid(), Model(5))]));

        Assert.Single(await Store.GetVectorsAsync(Model().Key));
    }

    [Fact]
    public async Task Purging_a_model_deletes_only_its_vectors()
    {
        EmbeddingModelId small = Model(8), large = Model(12, "text-embedding-3-large");
        await Store.UpsertVectorsAsync([Vector(Guid.NewGuid(), small), Vector(Guid.NewGuid(), small), Vector(Guid.NewGuid(), large)]);

        Assert.Equal(2, await Store.PurgeModelAsync(small.Key));
        Assert.Equal(0, await Store.PurgeModelAsync(small.Key));

        Assert.Empty(await Store.GetVectorsAsync(small.Key));
        Assert.Single(await Store.GetVectorsAsync(large.Key));
        Assert.Equal([new EmbeddingModelUsage(large, 1)], await Store.GetModelsAsync());

        // Purged, the key may take other dimensions.
        await Store.UpsertVectorsAsync([Vector(Guid.NewGuid(), Model(4))]);
        Assert.Equal(4, (await Store.GetVectorsAsync(small.Key)).Single().Model.Dimensions);
    }
}
