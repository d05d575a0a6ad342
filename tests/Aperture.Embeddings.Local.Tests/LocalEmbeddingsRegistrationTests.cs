using Aperture.Storage;
using Aperture.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aperture.Embeddings.Local.Tests;

public sealed class LocalEmbeddingsRegistrationTests
{
    private static ServiceProvider Compose(Action<IApertureBuilder> compose, Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        var builder = services.AddAperture().AddInMemoryStore();
        compose(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public async Task Registers_the_local_model_without_a_probe()
    {
        await using var services = Compose(builder => builder.AddLocalEmbeddings());

        services.GetRequiredService<IStartupValidator>().Validate();
        var model = await services.GetRequiredService<IActiveEmbeddingModel>().GetAsync();
        var embeddings = await services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["Alien (1979)", "Aliens (1986)"]);

        Assert.Equal(new EmbeddingModelId("local", "all-MiniLM-L6-v2", 384), model);
        Assert.Equal(2, embeddings.Count);
        Assert.NotNull(services.GetRequiredService<IMovieTextBuilder>());
        Assert.NotNull(services.GetRequiredService<IEmbeddingStore>());
    }

    [Fact]
    public void Options_are_bound_and_validated()
    {
        using var services = Compose(
            builder => builder.AddLocalEmbeddings(),
            new() { ["Aperture:Embeddings:Local:MicroBatchSize"] = "0", ["Aperture:Embeddings:Local:Threads"] = "2" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Aperture:Embeddings:Local:MicroBatchSize must be between 1 and 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_wins_over_configuration()
    {
        using var services = Compose(
            builder => builder.AddLocalEmbeddings(o => o.MicroBatchSize = 4),
            new() { ["Aperture:Embeddings:Local:MicroBatchSize"] = "16", ["Aperture:Embeddings:Local:Threads"] = "2" });

        var options = services.GetRequiredService<IOptions<LocalEmbeddingOptions>>().Value;

        Assert.Equal(4, options.MicroBatchSize);
        Assert.Equal(2, options.Threads);
    }
}
