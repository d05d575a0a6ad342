using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Aperture.Benchmarks.Storage;
using Aperture.MediaServers;
using Aperture.Testing;

namespace Aperture.Benchmarks.Sync;

/// <summary>
/// The Jellyfin emulator with the benchmark catalogue, served by a second process, so the memory measured in the
/// benchmark process is the sync's alone (as against a real server), not the emulator's serving of the pages too.
/// The child is this program run as <c>emulator COUNT</c>: it prints its address, key and library id on one line and
/// serves until its standard input closes.
/// </summary>
internal sealed class EmulatorProcess : IDisposable
{
    /// <summary>The command-line verb that makes this program serve the emulator.</summary>
    public const string Verb = "emulator";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseUrl, string apiKey, string libraryId)
    {
        _process = process;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
        LibraryId = libraryId;
    }

    /// <summary>The emulator's address.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Its API key.</summary>
    public string ApiKey { get; }

    /// <summary>The id of its one movie library.</summary>
    public string LibraryId { get; }

    /// <summary>Starts the child process with <paramref name="movieCount"/> movies and waits until it serves.</summary>
    public static EmulatorProcess Start(int movieCount)
    {
        // dotnet exec with the running host's runtime configuration and dependencies: this also works when the
        // benchmark runs inside BenchmarkDotNet's generated program, whose entry assembly is not this one.
        var host = Assembly.GetEntryAssembly()!.Location;
        var dotnet = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "exec", "--runtimeconfig", Path.ChangeExtension(host, ".runtimeconfig.json"), "--depsfile", Path.ChangeExtension(host, ".deps.json"),
            typeof(EmulatorProcess).Assembly.Location, Verb, movieCount.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dotnet}.");
        var line = process.StandardOutput.ReadLine();
        if (line?.Split(' ') is not [var url, var key, var library])
        {
            process.Kill();
            throw new InvalidOperationException($"The emulator process did not start (it said: {line ?? "nothing"}).");
        }

        return new EmulatorProcess(process, new Uri(url), key, library);
    }

    /// <summary>Runs in the child: serves the emulator until standard input closes.</summary>
    public static async Task ServeAsync(int movieCount)
    {
        await using var server = await MediaServerEmulator.StartAsync(MediaServerKind.Jellyfin, new MediaServerEmulatorOptions { RecordRequests = false });
        var library = server.AddLibrary("Movies").Id;
        server.AddMovies(library, BenchmarkMovies.Create(movieCount));
        Console.WriteLine($"{server.BaseUrl} {server.ApiKey} {library}");
        while (await Console.In.ReadLineAsync() is not null)
        {
        }
    }

    /// <summary>Closes the child's input, which stops it.</summary>
    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
