namespace Aperture.Testing;

/// <summary>What an <see cref="EmulatorFault"/> does to a matching request.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Waits <see cref="EmulatorFault.Delay"/> before answering normally (abandoned when the client gives up).</summary>
    Latency,

    /// <summary>Answers with <see cref="EmulatorFault.StatusCode"/> (and <c>Retry-After</c> when <see cref="EmulatorFault.RetryAfter"/> is set).</summary>
    Status,

    /// <summary>Answers 200 with a body that is not JSON.</summary>
    MalformedJson,

    /// <summary>Answers 200 with the first half of the JSON body only (a well-formed HTTP response whose JSON ends early).</summary>
    TruncatedBody,

    /// <summary>Closes the connection without answering.</summary>
    Disconnect,

    /// <summary>Answers normally, then runs <see cref="EmulatorFault.Change"/> on the emulator (a catalogue that changes between pages).</summary>
    ChangeCatalog,
}
