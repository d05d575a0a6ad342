using Aperture.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture.Embeddings.Tests;

public sealed class EmbeddingRegistrationTests
{
    [Fact]
    public async Task An_application_generator_runs_behind_the_pipeline()
    {
        var inner = new TestEmbeddingGenerator { Behavior = (values, _, _) => Task.FromResult(TestEmbeddingGenerator.Vectors(values, 3)) };
        await using var services = new EmbeddingTestServices(builder => builder.AddEmbeddingGenerator(inner, "Azure", "my-embedder", 3, o => o.BatchSize = 2));

        var embeddings = await services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["a", "b", "c"]);
        var model = await services.Get<IActiveEmbeddingModel>().GetAsync();

        Assert.Equal(3, embeddings.Count);
        Assert.Equal(2, inner.Calls.Count);
        Assert.Equal(new EmbeddingModelId("azure", "my-embedder", 3), model);
        Assert.IsType<MovieTextBuilder>(services.Get<IMovieTextBuilder>());
    }

    [Fact]
    public async Task An_application_generator_without_dimensions_is_probed()
    {
        var inner = new TestEmbeddingGenerator { Behavior = (values, _, _) => Task.FromResult(TestEmbeddingGenerator.Vectors(values, 5)) };
        await using var services = new EmbeddingTestServices(builder => builder.AddEmbeddingGenerator(_ => inner, "custom", "five"));

        var model = await services.Get<IActiveEmbeddingModel>().GetAsync();
        await services.Get<IActiveEmbeddingModel>().GetAsync();

        Assert.Equal(5, model.Dimensions);
        Assert.Equal([ActiveEmbeddingModel.ProbeText], Assert.Single(inner.Calls));
    }

    [Fact]
    public async Task A_failed_probe_is_tried_again_next_time()
    {
        var inner = new TestEmbeddingGenerator();
        inner.Behavior = (values, call, _) => call == 1
            ? throw new InvalidOperationException("not yet")
            : Task.FromResult(TestEmbeddingGenerator.Vectors(values, 4));
        await using var services = new EmbeddingTestServices(builder => builder.AddEmbeddingGenerator(inner, "custom", "later"));
        var active = services.Get<IActiveEmbeddingModel>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => active.GetAsync().AsTask());
        var model = await active.GetAsync();

        Assert.Equal(4, model.Dimensions);
    }

    [Fact]
    public async Task An_application_generator_of_the_wrong_dimension_is_refused()
    {
        var inner = new TestEmbeddingGenerator { Behavior = (values, _, _) => Task.FromResult(TestEmbeddingGenerator.Vectors(values, 7)) };
        await using var services = new EmbeddingTestServices(builder => builder.AddEmbeddingGenerator(inner, "custom", "eight", 8));

        var error = await Assert.ThrowsAsync<EmbeddingDimensionMismatchException>(
            () => services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["a"]));

        Assert.Contains("AddEmbeddingGenerator", error.Message, StringComparison.Ordinal);
        Assert.Equal("custom:eight", error.ModelKey);
    }

    [Fact]
    public async Task The_last_provider_registered_wins()
    {
        await using var services = new EmbeddingTestServices(builder => builder
            .AddOllamaEmbeddings()
            .AddHashingEmbeddings(dimensions: 64));

        var model = await services.Get<IActiveEmbeddingModel>().GetAsync();
        var embeddings = await services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["a"]);

        Assert.Equal(new EmbeddingModelId("hash", "token-hash-64", 64), model);
        Assert.Equal(64, embeddings[0].Vector.Length);
        Assert.Single(services.Services.GetServices<IActiveEmbeddingModel>());
        Assert.Single(services.Services.GetServices<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public async Task Disposing_the_services_disposes_the_application_generator()
    {
        var inner = new TestEmbeddingGenerator();
        var services = new EmbeddingTestServices(builder => builder.AddEmbeddingGenerator(inner, "custom", "m", 2));
        services.Get<IEmbeddingGenerator<string, Embedding<float>>>();

        await services.DisposeAsync();

        Assert.True(inner.Disposed);
    }

    [Fact]
    public void Rejects_an_empty_identity()
    {
        var builder = new ServiceCollection().AddAperture();

        Assert.Throws<ArgumentException>(() => builder.AddEmbeddingGenerator(new TestEmbeddingGenerator(), " ", "m"));
        Assert.Throws<ArgumentException>(() => builder.AddEmbeddingGenerator(new TestEmbeddingGenerator(), "p", ""));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddEmbeddingGenerator(new TestEmbeddingGenerator(), "p", "m", 0));
    }
}
