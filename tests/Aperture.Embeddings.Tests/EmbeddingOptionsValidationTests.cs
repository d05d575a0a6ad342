using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aperture.Embeddings.Tests;

public sealed class EmbeddingOptionsValidationTests
{
    private static OptionsValidationException StartFails(Action<IApertureBuilder> compose, IDictionary<string, string?>? settings = null)
    {
        using var services = new EmbeddingTestServices(compose, settings);
        return Assert.Throws<OptionsValidationException>(() => services.Get<IStartupValidator>().Validate());
    }

    [Fact]
    public void OpenAI_without_a_key_fails_on_start_saying_where_to_set_it()
    {
        var error = StartFails(builder => builder.AddOpenAIEmbeddings());

        Assert.Contains("Aperture:Embeddings:ApiKey is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_size_above_the_providers_limit_fails_on_start()
    {
        var error = StartFails(builder => builder.AddOpenAIEmbeddings(o =>
        {
            o.ApiKey = "sk-x";
            o.BatchSize = 5000;
        }));

        Assert.Contains("Aperture:Embeddings:BatchSize is 5000, but OpenAI accepts at most 2048", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_settings_are_validated()
    {
        var error = StartFails(builder => builder.AddOllamaEmbeddings(o => o.Retry.MaxRetries = 99));

        Assert.Contains("Aperture:Embeddings:Retry:MaxRetries must be between 0 and 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_bound_from_configuration_and_code_wins()
    {
        using var services = new EmbeddingTestServices(
            builder => builder.AddOpenAIEmbeddings(o => o.BatchSize = 64),
            new Dictionary<string, string?>
            {
                ["Aperture:Embeddings:ApiKey"] = "sk-from-config",
                ["Aperture:Embeddings:Model"] = "text-embedding-3-large",
                ["Aperture:Embeddings:BatchSize"] = "16",
                ["Aperture:Embeddings:BaseUrl"] = "https://gateway.example/v1",
                ["Aperture:Embeddings:Retry:MaxRetries"] = "2",
            });

        services.Get<IStartupValidator>().Validate();
        var options = services.Get<IOptions<OpenAIEmbeddingOptions>>().Value;

        Assert.Equal("sk-from-config", options.ApiKey);
        Assert.Equal("text-embedding-3-large", options.Model);
        Assert.Equal(64, options.BatchSize);
        Assert.Equal(new Uri("https://gateway.example/v1"), options.BaseUrl);
        Assert.Equal(2, options.Retry.MaxRetries);
    }

    [Fact]
    public void Validation_messages_never_contain_the_key()
    {
        var error = StartFails(builder => builder.AddOpenAIEmbeddings(o =>
        {
            o.ApiKey = "sk-secret-value";
            o.BaseUrl = new Uri("ftp://example.org/v1");
        }));

        Assert.Contains("Aperture:Embeddings:BaseUrl must be an absolute http or https URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ollama_defaults_are_valid()
    {
        using var services = new EmbeddingTestServices(builder => builder.AddOllamaEmbeddings());

        services.Get<IStartupValidator>().Validate();
        var options = services.Get<IOptions<OllamaEmbeddingOptions>>().Value;

        Assert.Equal(new Uri("http://localhost:11434"), options.BaseUrl);
        Assert.Equal("nomic-embed-text", options.Model);
        Assert.Equal(128, options.BatchSize);
        Assert.Equal(2, options.MaxConcurrency);
    }
}
