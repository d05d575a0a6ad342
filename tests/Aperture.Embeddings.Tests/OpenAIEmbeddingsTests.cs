using Aperture.Testing;
using Microsoft.Extensions.AI;

namespace Aperture.Embeddings.Tests;

public sealed class OpenAIEmbeddingsTests : ProviderPathTests
{
    protected override int Dimensions => 1536;

    protected override string ExpectedModelKey => "openai:text-embedding-3-small";

    protected override string? ServerApiKey => ApiKey;

    protected override void Register(IApertureBuilder builder, Func<EmbeddingRetryArguments, ValueTask> onRetry, Action<EmbeddingProviderOptions>? configure, TimeSpan requestTimeout) =>
        builder.AddOpenAIEmbeddings(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseUrl = Server.BaseUrl;
            o.RequestTimeout = requestTimeout;
            o.Retry.OnRetry = onRetry;
            configure?.Invoke(o);
        });

    [Fact]
    public async Task Sends_the_api_key_as_a_bearer_token_and_the_model()
    {
        await using var services = Compose();

        await services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["x"]);

        var request = Server.Requests.Single();
        Assert.Equal(ApiKey, request.BearerToken);
        Assert.Equal("text-embedding-3-small", request.Model);
        Assert.Null(request.Dimensions);
    }

    [Fact]
    public async Task A_wrong_key_fails_without_showing_the_key()
    {
        const string wrongKey = "sk-wrong-99aa77bb";
        await using var services = new EmbeddingTestServices(builder => builder.AddOpenAIEmbeddings(o =>
        {
            o.ApiKey = wrongKey;
            o.BaseUrl = Server.BaseUrl;
        }));

        var error = await Assert.ThrowsAsync<EmbeddingAuthenticationException>(
            () => services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["x"]));

        Assert.Contains("Aperture:Embeddings:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, error.ToString(), StringComparison.Ordinal);
        Assert.All(services.Logs.GetSnapshot(), record => Assert.DoesNotContain(wrongKey, record.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shortened_dimensions_are_requested_and_make_a_model_of_their_own()
    {
        await using var services = Compose(o => ((OpenAIEmbeddingOptions)o).Dimensions = 256);

        var embeddings = await services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["x"]);
        var model = await services.Get<IActiveEmbeddingModel>().GetAsync();

        Assert.Equal(256, Server.Requests.Single().Dimensions);
        Assert.Equal(256, embeddings[0].Vector.Length);
        Assert.Equal(new EmbeddingModelId("openai", "text-embedding-3-small@256", 256), model);
    }

    [Fact]
    public async Task An_unknown_model_has_its_dimensions_probed_once()
    {
        await using var services = Compose(o => ((OpenAIEmbeddingOptions)o).Model = "house-embedder-v2");
        var active = services.Get<IActiveEmbeddingModel>();

        var models = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => active.GetAsync().AsTask()));
        await services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["x"]);

        Assert.All(models, model => Assert.Equal(new EmbeddingModelId("openai", "house-embedder-v2", 1536), model));
        Assert.Equal(2, Server.RequestCount); // one probe, one real request
        Assert.Equal("house-embedder-v2", Server.Requests[0].Model);
    }

    [Fact]
    public async Task A_model_the_server_does_not_know_says_how_to_fix_it()
    {
        await using var services = Compose();
        Server.FailAlways(FakeEmbeddingFault.ModelNotFound());

        var error = await Assert.ThrowsAsync<EmbeddingNotConfiguredException>(
            () => services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["x"]));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("Aperture:Embeddings:Model", error.Message, StringComparison.Ordinal);
    }
}
