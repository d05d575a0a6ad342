using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aperture.Testing;

/// <summary>
/// A fake OpenAI-compatible embeddings server on 127.0.0.1 (random port): <c>POST /v1/embeddings</c> in
/// OpenAI's wire format (float or base64 <c>encoding_format</c>, <c>dimensions</c>, OpenAI-style errors), with
/// deterministic vectors (<see cref="HashingEmbeddingGenerator.Embed"/> of each text: similar texts get similar
/// vectors). It records every request and injects faults: rate limits with <c>Retry-After</c>, 401, 402,
/// <c>insufficient_quota</c>, 5xx, unknown model, slow answers and wrong dimensions.
/// </summary>
/// <example>
/// <code>
/// await using var server = await FakeOpenAIEmbeddingServer.StartAsync(new() { ApiKey = "sk-test" });
/// server.Enqueue(FakeEmbeddingFault.RateLimited(TimeSpan.FromSeconds(7)));
/// builder.AddOpenAIEmbeddings(o => { o.BaseUrl = server.BaseUrl; o.ApiKey = "sk-test"; });
/// </code>
/// </example>
public sealed class FakeOpenAIEmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeOpenAIEmbeddingServerOptions _options;
    private readonly Lock _gate = new();
    private readonly Queue<FakeEmbeddingFault> _faults = new();
    private readonly List<FakeEmbeddingRequest> _requests = [];
    private readonly List<(Func<IReadOnlyList<string>, bool> Match, FakeEmbeddingFault Fault)> _rules = [];
    private FakeEmbeddingFault? _persistentFault;

    private FakeOpenAIEmbeddingServer(WebApplication app, FakeOpenAIEmbeddingServerOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>The OpenAI API root to configure a client with: <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The server root (what an Ollama client is given): <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri RootUrl { get; private set; } = null!;

    /// <summary>How many embedding requests arrived (whatever their answer).</summary>
    public int RequestCount
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FakeEmbeddingRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The number of texts of each request so far, in arrival order.</summary>
    public IReadOnlyList<int> BatchSizes => Requests.Select(request => request.Inputs.Count).ToList();

    /// <summary>Starts a server on 127.0.0.1 at a free port.</summary>
    /// <param name="options">How it behaves (default: any key, 1 536 dimensions).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<FakeOpenAIEmbeddingServer> StartAsync(FakeOpenAIEmbeddingServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeOpenAIEmbeddingServerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxInputsPerRequest, 1);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOpenAIEmbeddingServer(app, options);
        app.MapPost("/v1/embeddings", server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        server.RootUrl = new Uri($"http://127.0.0.1:{port}");
        server.BaseUrl = new Uri($"http://127.0.0.1:{port}/v1");
        return server;
    }

    /// <summary>Makes the next <paramref name="times"/> requests fail with <paramref name="fault"/> (after any queued before).</summary>
    public void Enqueue(FakeEmbeddingFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>Makes every request (once the queued faults are used) fail with <paramref name="fault"/>; <see langword="null"/> stops it.</summary>
    public void FailAlways(FakeEmbeddingFault? fault)
    {
        lock (_gate)
        {
            _persistentFault = fault;
        }
    }

    /// <summary>
    /// Makes every request whose texts match <paramref name="match"/> fail with <paramref name="fault"/>, for
    /// example one batch among several in flight. Rules apply before queued and persistent faults.
    /// </summary>
    public void FailWhen(Func<IReadOnlyList<string>, bool> match, FakeEmbeddingFault fault)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _rules.Add((match, fault));
        }
    }

    /// <summary>Forgets the recorded requests and every fault and rule.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _faults.Clear();
            _rules.Clear();
            _persistentFault = null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        FakeEmbeddingRequestBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, FakeEmbeddingJsonContext.Default.FakeEmbeddingRequestBody, context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        var bearer = ReadBearer(context.Request);
        var inputs = ReadInputs(body);
        var request = new FakeEmbeddingRequest(body?.Model, inputs ?? [], body?.EncodingFormat, body?.Dimensions, bearer, StatusCode: 0);
        FakeEmbeddingFault? fault;
        int index;
        lock (_gate)
        {
            // Recorded on arrival, so a request is counted even while it is still being answered.
            fault = inputs is null ? null : _rules.FirstOrDefault(rule => rule.Match(inputs)).Fault;
            fault ??= _faults.Count > 0 ? _faults.Dequeue() : _persistentFault;
            index = _requests.Count;
            _requests.Add(request);
        }

        var status = await AnswerAsync(context, body, inputs, bearer, fault);
        lock (_gate)
        {
            if (index < _requests.Count && ReferenceEquals(_requests[index], request))
            {
                _requests[index] = request with { StatusCode = status };
            }
        }
    }

    private async Task<int> AnswerAsync(HttpContext context, FakeEmbeddingRequestBody? body, List<string>? inputs, string? bearer, FakeEmbeddingFault? fault)
    {
        if (_options.ApiKey is { } key && !string.Equals(bearer, key, StringComparison.Ordinal))
        {
            return await ErrorAsync(context, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        }

        if (body is null || inputs is null || inputs.Count == 0)
        {
            return await ErrorAsync(context, 400, "'input' must be a non-empty string or array of strings.", "invalid_request_error", null);
        }

        if (inputs.Count > _options.MaxInputsPerRequest)
        {
            return await ErrorAsync(context, 400, $"'input' may hold at most {_options.MaxInputsPerRequest} items, got {inputs.Count}.", "invalid_request_error", null);
        }

        var dimensions = body.Dimensions ?? _options.Dimensions;
        switch (fault?.Kind)
        {
            case FakeEmbeddingFaultKind.RateLimited:
                if (fault.Delay is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return await ErrorAsync(context, 429, "Rate limit reached for requests. Please try again later.", "requests", "rate_limit_exceeded");
            case FakeEmbeddingFaultKind.Unauthorized:
                return await ErrorAsync(context, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
            case FakeEmbeddingFaultKind.PaymentRequired:
                return await ErrorAsync(context, 402, "Payment required: the account balance is empty.", "billing_error", "payment_required");
            case FakeEmbeddingFaultKind.InsufficientQuota:
                return await ErrorAsync(context, 429, "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota");
            case FakeEmbeddingFaultKind.ServerError:
                return await ErrorAsync(context, fault.StatusCode ?? 500, "The server had an error while processing your request.", "server_error", null);
            case FakeEmbeddingFaultKind.ModelNotFound:
                return await ErrorAsync(context, 404, $"The model '{body.Model}' does not exist.", "invalid_request_error", "model_not_found");
            case FakeEmbeddingFaultKind.Slow:
                try
                {
                    await Task.Delay(fault.Delay ?? TimeSpan.Zero, _options.TimeProvider, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return 499;
                }

                break;
            case FakeEmbeddingFaultKind.WrongDimensions:
                dimensions = fault.Dimensions ?? dimensions;
                break;
        }

        var base64 = string.Equals(body.EncodingFormat, "base64", StringComparison.OrdinalIgnoreCase) && !_options.AlwaysFloatEncoding;
        var data = new List<FakeEmbeddingData>(inputs.Count);
        var tokens = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = HashingEmbeddingGenerator.Embed(inputs[i], dimensions);
            var embedding = base64
                ? JsonSerializer.SerializeToElement(Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())), FakeEmbeddingJsonContext.Default.String)
                : JsonSerializer.SerializeToElement(vector, FakeEmbeddingJsonContext.Default.SingleArray);
            data.Add(new FakeEmbeddingData("embedding", i, embedding));
            tokens += CountTokens(inputs[i]);
        }

        var response = new FakeEmbeddingResponse("list", data, body.Model ?? "unknown", new FakeEmbeddingUsage(tokens, tokens));
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, response, FakeEmbeddingJsonContext.Default.FakeEmbeddingResponse, context.RequestAborted);
        return 200;
    }

    private static async Task<int> ErrorAsync(HttpContext context, int status, string message, string type, string? code)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new FakeEmbeddingErrorResponse(new FakeEmbeddingError(message, type, null, code));
        await JsonSerializer.SerializeAsync(context.Response.Body, error, FakeEmbeddingJsonContext.Default.FakeEmbeddingErrorResponse, context.RequestAborted);
        return status;
    }

    private static string? ReadBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static List<string>? ReadInputs(FakeEmbeddingRequestBody? body)
    {
        if (body is null)
        {
            return null;
        }

        var input = body.Input;
        if (input.ValueKind == JsonValueKind.String)
        {
            return [input.GetString()!];
        }

        if (input.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var inputs = new List<string>(input.GetArrayLength());
        foreach (var item in input.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                // Token arrays are valid OpenAI input, but Aperture never sends them.
                return null;
            }

            inputs.Add(item.GetString()!);
        }

        return inputs;
    }

    /// <summary>A rough token count (about four characters a token), enough for usage figures.</summary>
    private static int CountTokens(string text) => Math.Max(1, (text.Length + 3) / 4);
}
