using Aperture.Testing;
using Microsoft.Extensions.AI;

namespace Aperture.Embeddings.Tests;

public sealed class OllamaEmbeddingsTests : ProviderPathTests
{
    protected override int Dimensions => 768;

    protected override string ExpectedModelKey => "ollama:nomic-embed-text";

    // Ollama needs no key; a 401 can only come from a proxy in front of it (injected as a fault here).
    protected override string? ServerApiKey => null;

    protected override void Register(IApertureBuilder builder, Func<EmbeddingRetryArguments, ValueTask> onRetry, Action<EmbeddingProviderOptions>? configure, TimeSpan requestTimeout) =>
        builder.AddOllamaEmbeddings(o =>
        {
            o.BaseUrl = Server.RootUrl;
            o.RequestTimeout = requestTimeout;
            o.Retry.OnRetry = onRetry;
            configure?.Invoke(o);
        });

    [Fact]
    public async Task Calls_the_openai_compatible_endpoint_with_the_model()
    {
        await using var services = Compose();

        await services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["x"]);

        var request = Server.Requests.Single();
        Assert.Equal("nomic-embed-text", request.Model);
        Assert.Null(request.Dimensions);
    }

    [Fact]
    public async Task Float_vectors_are_read_when_the_server_ignores_base64()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(new FakeOpenAIEmbeddingServerOptions { Dimensions = 768, AlwaysFloatEncoding = true });
        await using var services = new EmbeddingTestServices(builder => builder.AddOllamaEmbeddings(o => o.BaseUrl = server.RootUrl));

        var embeddings = await services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["Space opera"]);

        Assert.Equal(HashingEmbeddingGenerator.Embed("Space opera", 768), embeddings[0].Vector.ToArray());
    }

    [Fact]
    public async Task A_model_that_is_not_pulled_says_how_to_pull_it()
    {
        await using var services = Compose();
        Server.FailAlways(FakeEmbeddingFault.ModelNotFound());

        var error = await Assert.ThrowsAsync<EmbeddingNotConfiguredException>(
            () => services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["x"]));

        Assert.Contains("ollama pull nomic-embed-text", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.RequestCount);
    }

    [Fact]
    public async Task An_unreachable_server_is_retried_then_named_in_the_error()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: connections are refused
        EmbeddingTestServices? services = null;
        await using var composed = services = new EmbeddingTestServices(builder => builder.AddOllamaEmbeddings(o =>
        {
            o.BaseUrl = new Uri($"http://proxy-user:proxy-secret@127.0.0.1:{port}");
            o.Retry.MaxRetries = 2;
            o.Retry.OnRetry = retry => services!.SkipWait(retry);
        }));

        var error = await Assert.ThrowsAsync<EmbeddingRetriesExhaustedException>(
            () => services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["x"]));

        Assert.Equal(2, services.Retries.Count);
        Assert.Equal(3, error.Attempts);
        Assert.Null(error.StatusCode);
        Assert.Contains("ollama serve", error.Message, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("proxy-secret", error.ToString(), StringComparison.Ordinal);
    }
}
