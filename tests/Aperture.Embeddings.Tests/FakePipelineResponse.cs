using System.ClientModel.Primitives;

namespace Aperture.Embeddings.Tests;

/// <summary>A canned System.ClientModel response, to build the exceptions the OpenAI SDK throws.</summary>
internal sealed class FakePipelineResponse : PipelineResponse
{
    private readonly int _status;
    private readonly FakeHeaders _headers;
    private BinaryData _content;

    public FakePipelineResponse(int status, string? retryAfter = null, string? retryAfterMs = null, string? body = null)
    {
        _status = status;
        _content = BinaryData.FromString(body ?? "{\"error\":{\"message\":\"failed\",\"type\":\"test\",\"code\":null}}");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (retryAfter is not null)
        {
            headers["Retry-After"] = retryAfter;
        }

        if (retryAfterMs is not null)
        {
            headers["retry-after-ms"] = retryAfterMs;
        }

        _headers = new FakeHeaders(headers);
    }

    public override int Status => _status;

    public override string ReasonPhrase => string.Empty;

    public override Stream? ContentStream { get; set; }

    public override BinaryData Content => _content;

    protected override PipelineResponseHeaders HeadersCore => _headers;

    public override BinaryData BufferContent(CancellationToken cancellationToken = default) => _content;

    public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_content);

    public override void Dispose()
    {
    }

    private sealed class FakeHeaders(Dictionary<string, string> headers) : PipelineResponseHeaders
    {
        public override bool TryGetValue(string name, out string? value)
        {
            var found = headers.TryGetValue(name, out var text);
            value = text;
            return found;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            var found = headers.TryGetValue(name, out var text);
            values = found ? [text!] : null;
            return found;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => headers.GetEnumerator();
    }
}
