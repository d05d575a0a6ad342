namespace Aperture.Testing;

/// <summary>How a <see cref="FakeOpenAIEmbeddingServer"/> behaves when no fault is injected.</summary>
public sealed class FakeOpenAIEmbeddingServerOptions
{
    /// <summary>
    /// The API key the server accepts (as <c>Authorization: Bearer …</c>); any other gets HTTP 401.
    /// <see langword="null"/> (the default) accepts every request.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The vector length of answers (default 1 536, like text-embedding-3-small), unless the request asks for
    /// <c>dimensions</c>.
    /// </summary>
    public int Dimensions { get; set; } = 1536;

    /// <summary>The most texts accepted in one request (default 2 048, like OpenAI); more get HTTP 400.</summary>
    public int MaxInputsPerRequest { get; set; } = 2048;

    /// <summary>
    /// Answers with JSON float arrays even when <c>base64</c> is asked for, as some OpenAI-compatible servers do
    /// (default <see langword="false"/>: the encoding asked for is honoured).
    /// </summary>
    public bool AlwaysFloatEncoding { get; set; }

    /// <summary>The clock of <see cref="FakeEmbeddingFaultKind.Slow"/> waits (default the system clock).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
