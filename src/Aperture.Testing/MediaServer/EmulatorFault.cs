namespace Aperture.Testing;

/// <summary>
/// A fault the <see cref="MediaServerEmulator"/> injects into matching requests, <see cref="Times"/> times.
/// Build one with a factory (<see cref="Status"/>, <see cref="TooManyRequests"/>, <see cref="Latency"/>, …) and narrow it
/// with <see cref="On"/> and <see cref="Repeat"/>.
/// </summary>
/// <example><c>emulator.InjectFault(EmulatorFault.Status(503).On(EmulatorEndpoint.Movies, page: 2).Repeat(2));</c></example>
public sealed record EmulatorFault
{
    /// <summary>What the fault does.</summary>
    public required EmulatorFaultKind Kind { get; init; }

    /// <summary>Which endpoint it hits; <see cref="EmulatorEndpoint.Any"/> for all.</summary>
    public EmulatorEndpoint Endpoint { get; init; } = EmulatorEndpoint.Any;

    /// <summary>
    /// Which page of a paged listing it hits (0-based: <c>StartIndex / Limit</c>); <see langword="null"/> for every request.
    /// </summary>
    public int? Page { get; init; }

    /// <summary>The status code of a <see cref="EmulatorFaultKind.Status"/> fault.</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>The <c>Retry-After</c> sent with a <see cref="EmulatorFaultKind.Status"/> fault, when set.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How long a <see cref="EmulatorFaultKind.Latency"/> fault waits.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>What a <see cref="EmulatorFaultKind.ChangeCatalog"/> fault does to the emulator after answering.</summary>
    public Action<MediaServerEmulator>? Change { get; init; }

    /// <summary>How many matching requests it hits before it is used up; <see cref="int.MaxValue"/> for always.</summary>
    public int Times { get; init; } = 1;

    /// <summary>Answers with <paramref name="statusCode"/> (5xx, 401, 403, 404, …).</summary>
    public static EmulatorFault Status(int statusCode) => new() { Kind = EmulatorFaultKind.Status, StatusCode = statusCode };

    /// <summary>Answers 429 Too Many Requests with a <c>Retry-After</c> of <paramref name="retryAfter"/> (1 second when omitted).</summary>
    public static EmulatorFault TooManyRequests(TimeSpan? retryAfter = null) =>
        new() { Kind = EmulatorFaultKind.Status, StatusCode = 429, RetryAfter = retryAfter ?? TimeSpan.FromSeconds(1) };

    /// <summary>Answers 401 Unauthorized, as a server does for a revoked API key.</summary>
    public static EmulatorFault Unauthorized() => Status(401);

    /// <summary>Waits <paramref name="delay"/> before answering.</summary>
    public static EmulatorFault Latency(TimeSpan delay) => new() { Kind = EmulatorFaultKind.Latency, Delay = delay };

    /// <summary>Answers 200 with a body that is not JSON.</summary>
    public static EmulatorFault MalformedJson() => new() { Kind = EmulatorFaultKind.MalformedJson };

    /// <summary>Answers 200 with JSON that ends half-way.</summary>
    public static EmulatorFault TruncatedBody() => new() { Kind = EmulatorFaultKind.TruncatedBody };

    /// <summary>Drops the connection without answering.</summary>
    public static EmulatorFault Disconnect() => new() { Kind = EmulatorFaultKind.Disconnect };

    /// <summary>Answers normally, then applies <paramref name="change"/> (for example adds or removes movies).</summary>
    public static EmulatorFault ChangeCatalog(Action<MediaServerEmulator> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new() { Kind = EmulatorFaultKind.ChangeCatalog, Change = change };
    }

    /// <summary>Restricts the fault to <paramref name="endpoint"/>, and to one page of it when <paramref name="page"/> is given.</summary>
    public EmulatorFault On(EmulatorEndpoint endpoint, int? page = null) => this with { Endpoint = endpoint, Page = page };

    /// <summary>Makes the fault hit <paramref name="times"/> matching requests.</summary>
    public EmulatorFault Repeat(int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        return this with { Times = times };
    }

    /// <summary>Makes the fault hit every matching request.</summary>
    public EmulatorFault Always() => this with { Times = int.MaxValue };
}
