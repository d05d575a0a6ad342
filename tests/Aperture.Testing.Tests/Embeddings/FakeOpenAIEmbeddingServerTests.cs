using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aperture.Testing;

namespace Aperture.Testing.Tests.Embeddings;

/// <summary>The fake server's wire format, checked with raw HTTP (the SDK-level tests live with the embeddings package).</summary>
public sealed class FakeOpenAIEmbeddingServerTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeOpenAIEmbeddingServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await FakeOpenAIEmbeddingServer.StartAsync(new FakeOpenAIEmbeddingServerOptions { Dimensions = 6, ApiKey = "sk-fake" });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(object body, string? key = "sk-fake")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseUrl + "/embeddings"))
        {
            Content = JsonContent.Create(body),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await _http.SendAsync(request);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public void Listens_on_loopback()
    {
        Assert.Equal("127.0.0.1", _server.BaseUrl.Host);
        Assert.EndsWith("/v1", _server.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(_server.BaseUrl.Port, _server.RootUrl.Port);
    }

    [Fact]
    public async Task Answers_float_vectors_in_openai_format()
    {
        using var response = await PostAsync(new { input = new[] { "alpha", "beta" }, model = "m-1", encoding_format = "float" });
        var json = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("list", (string?)json["object"]);
        Assert.Equal("m-1", (string?)json["model"]);
        var data = json["data"]!.AsArray();
        Assert.Equal([0, 1], data.Select(d => (int)d!["index"]!));
        Assert.Equal("embedding", (string?)data[0]!["object"]);
        Assert.Equal(HashingEmbeddingGenerator.Embed("beta", 6), data[1]!["embedding"]!.AsArray().Select(v => (float)v!));
        Assert.True((int)json["usage"]!["prompt_tokens"]! > 0);
    }

    [Fact]
    public async Task Answers_base64_vectors_when_asked()
    {
        using var response = await PostAsync(new { input = "alpha", model = "m", encoding_format = "base64" });
        var json = await ReadAsync(response);

        var bytes = Convert.FromBase64String((string)json["data"]![0]!["embedding"]!);
        Assert.Equal(HashingEmbeddingGenerator.Embed("alpha", 6), MemoryMarshal.Cast<byte, float>(bytes).ToArray());
        Assert.Equal(["alpha"], _server.Requests.Single().Inputs);
        Assert.Equal("base64", _server.Requests.Single().EncodingFormat);
    }

    [Fact]
    public async Task Honours_requested_dimensions()
    {
        using var response = await PostAsync(new { input = new[] { "x" }, model = "m", dimensions = 3, encoding_format = "float" });

        Assert.Equal(3, (await ReadAsync(response))["data"]![0]!["embedding"]!.AsArray().Count);
        Assert.Equal(3, _server.Requests.Single().Dimensions);
    }

    [Fact]
    public async Task Refuses_a_wrong_key_with_an_openai_error()
    {
        using var response = await PostAsync(new { input = "x", model = "m" }, key: "sk-other");
        var json = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_api_key", (string?)json["error"]!["code"]);
        Assert.Equal(401, _server.Requests.Single().StatusCode);
    }

    [Fact]
    public async Task Refuses_too_many_inputs_and_bad_bodies()
    {
        using var tooMany = await PostAsync(new { input = Enumerable.Repeat("x", 2049).ToArray(), model = "m" });
        using var empty = await PostAsync(new { input = Array.Empty<string>(), model = "m" });
        using var tokens = await PostAsync(new { input = new[] { new[] { 1, 2 } }, model = "m" });

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { tooMany.StatusCode, empty.StatusCode, tokens.StatusCode });
    }

    [Fact]
    public async Task Injects_queued_faults_in_order_then_answers_normally()
    {
        _server.Enqueue(FakeEmbeddingFault.RateLimited(TimeSpan.FromSeconds(2.5)));
        _server.Enqueue(FakeEmbeddingFault.InsufficientQuota());
        _server.Enqueue(FakeEmbeddingFault.PaymentRequired());
        _server.Enqueue(FakeEmbeddingFault.ServerError(503));
        _server.Enqueue(FakeEmbeddingFault.ModelNotFound());
        _server.Enqueue(FakeEmbeddingFault.Unauthorized());
        _server.Enqueue(FakeEmbeddingFault.WrongDimensions(2));

        var answers = new List<(HttpStatusCode Status, string? Code, string? RetryAfter)>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await PostAsync(new { input = "x", model = "m", encoding_format = "float" });
            var json = await ReadAsync(response);
            answers.Add((response.StatusCode, (string?)json["error"]?["code"], response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (i == 6)
            {
                Assert.Equal(2, json["data"]![0]!["embedding"]!.AsArray().Count);
            }
        }

        Assert.Equal(
            [
                (HttpStatusCode.TooManyRequests, "rate_limit_exceeded", "3"),
                (HttpStatusCode.TooManyRequests, "insufficient_quota", null),
                (HttpStatusCode.PaymentRequired, "payment_required", null),
                (HttpStatusCode.ServiceUnavailable, null, null),
                (HttpStatusCode.NotFound, "model_not_found", null),
                (HttpStatusCode.Unauthorized, "invalid_api_key", null),
                (HttpStatusCode.OK, null, null),
                (HttpStatusCode.OK, null, null),
            ],
            answers);
        Assert.Equal(8, _server.RequestCount);
    }

    [Fact]
    public async Task A_persistent_fault_and_rules_apply_until_reset()
    {
        _server.FailAlways(FakeEmbeddingFault.ServerError());
        _server.FailWhen(texts => texts.Contains("special"), FakeEmbeddingFault.Unauthorized());

        using var first = await PostAsync(new { input = "x", model = "m" });
        using var special = await PostAsync(new { input = new[] { "a", "special" }, model = "m" });
        _server.Reset();
        using var after = await PostAsync(new { input = "x", model = "m" });

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.Unauthorized, HttpStatusCode.OK], new[] { first.StatusCode, special.StatusCode, after.StatusCode });
        Assert.Equal([1], _server.BatchSizes);
    }

    [Fact]
    public async Task A_slow_answer_waits_on_the_servers_clock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(new FakeOpenAIEmbeddingServerOptions { Dimensions = 2, TimeProvider = time });
        server.Enqueue(FakeEmbeddingFault.Slow(TimeSpan.FromMinutes(1)));
        var start = time.GetUtcNow();

        var call = _http.PostAsync(new Uri(server.BaseUrl + "/embeddings"), JsonContent.Create(new { input = "x", model = "m" }));
        var deadline = DateTime.UtcNow.AddSeconds(30); // failure guard only
        while (!call.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "The slow answer never came.");

            // The answer waits on the fake clock alone: it comes once a minute has passed there.
            time.Advance(TimeSpan.FromSeconds(20));
            await Task.Delay(10);
        }

        using var response = await call;
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
