using Aperture.Catalog;
using Aperture.Libraries;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aperture.Benchmarks.Libraries;

/// <summary>
/// The library writer on a real temporary folder: 20 users × 50 picks (1 000 movie folders, 2 000 files).
/// Baseline: the same files written naively (precomputed bytes, no comparison, no temporary names).
/// <c>FirstWrite</c> builds every folder from nothing; <c>UnchangedRerun</c> writes the same picks again and must
/// write no file at all (it throws otherwise).
/// </summary>
/// <remarks>
/// <c>Folder</c> <c>disk</c> is under the system temp folder; <c>memory</c> is under <c>/dev/shm</c> (a RAM file
/// system, where it exists), which measures the writer's own cost without the disk's. On a busy machine add
/// <c>--inProcess</c>, which skips rebuilding the benchmark project.
/// </remarks>
/// <example><c>dotnet run -c Release --project benchmarks/Aperture.Benchmarks -- --filter '*LibraryWriter*' --inProcess --warmupCount 1 --iterationCount 3</c></example>
[MemoryDiagnoser]
public class LibraryWriterBenchmarks
{
    private const int UserCount = 20;
    private const int PicksPerUser = 50;

    private string _sandbox = null!;
    private LibraryWriter _writer = null!;
    private List<LibraryWriteRequest> _requests = null!;
    private List<(string Folder, string Strm, byte[] StrmBytes, string Nfo, byte[] NfoBytes)> _naiveFiles = null!;

    /// <summary>The video entry written for each pick.</summary>
    [Params(LibraryWriteMode.Strm, LibraryWriteMode.Symlink)]
    public LibraryWriteMode Mode { get; set; }

    /// <summary>Where the folders are written: <c>disk</c> (the temp folder) or <c>memory</c> (<c>/dev/shm</c>).</summary>
    [Params("disk", "memory")]
    public string Folder { get; set; } = "disk";

    [GlobalSetup]
    public void Setup()
    {
        var parent = Folder == "memory" && Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _sandbox = Path.Join(parent, "aperture-bench-libraries-" + Guid.NewGuid().ToString("N")[..8]);
        var catalogue = Enumerable.Range(0, 400).Select(CreateMovie).ToArray();
        _requests =
        [
            .. Enumerable.Range(0, UserCount).Select(user => new LibraryWriteRequest(
                $"{user:x32}",
                $"User {user}",
                [.. Enumerable.Range(0, PicksPerUser).Select(rank => new LibraryEntry(rank + 1, catalogue[((user * 37) + (rank * 7)) % catalogue.Length], $"Because you watched film {rank}."))])),
        ];
        _writer = new LibraryWriter(
            new LibraryOptions { OutputRoot = Path.Join(_sandbox, "out"), Mode = Mode },
            TimeProvider.System,
            NullLogger.Instance,
            new LibraryFiles());

        var nfo = NfoWriter.Write(catalogue[0], "01 - Film 0", "Because.", DateTimeOffset.UnixEpoch);
        _naiveFiles =
        [
            .. Enumerable.Range(0, UserCount * PicksPerUser).Select(i =>
            {
                var folder = Path.Join(_sandbox, "naive", $"user{i / PicksPerUser}", $"{(i % PicksPerUser) + 1:D2} - Film {i} (2000)");
                return (folder, Path.Join(folder, $"Film {i} (2000).strm"), System.Text.Encoding.UTF8.GetBytes($"/data/movies/{i}.mkv"), Path.Join(folder, $"Film {i} (2000).nfo"), nfo);
            }),
        ];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        LibraryFiles.Delete(_sandbox);
    }

    [IterationSetup(Targets = [nameof(NaiveWrite), nameof(FirstWrite)])]
    public void Empty() => LibraryFiles.Delete(_sandbox);

    [IterationSetup(Target = nameof(UnchangedRerun))]
    public void Written()
    {
        if (!Directory.Exists(Path.Join(_sandbox, "out")))
        {
            FirstWrite();
        }
    }

    [Benchmark(Baseline = true, Description = "naive write (2 000 files, no checks)")]
    public int NaiveWrite()
    {
        foreach (var (folder, strm, strmBytes, nfo, nfoBytes) in _naiveFiles)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(strm, strmBytes);
            File.WriteAllBytes(nfo, nfoBytes);
        }

        return _naiveFiles.Count * 2;
    }

    [Benchmark(Description = "first write (20 users x 50 picks)")]
    public int FirstWrite()
    {
        var files = 0;
        foreach (var request in _requests)
        {
            files += _writer.WriteAsync(request).GetAwaiter().GetResult().FilesWritten;
        }

        return files;
    }

    [Benchmark(Description = "unchanged rerun (must write 0 files)")]
    public int UnchangedRerun()
    {
        var files = 0;
        foreach (var request in _requests)
        {
            var result = _writer.WriteAsync(request).GetAwaiter().GetResult();
            files += result.FilesWritten + result.Written + result.Removed;
        }

        return files == 0 ? 0 : throw new InvalidOperationException($"An unchanged rerun wrote {files} files or folders.");
    }

    private static Movie CreateMovie(int i) => new()
    {
        Id = new Guid(i, 0, 0, new byte[8]),
        ServerId = i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
        Title = $"Film {i}: The Sequel & Friends",
        OriginalTitle = $"Film original {i}",
        Year = 1950 + (i % 75),
        Overview = string.Concat(Enumerable.Repeat($"A long plot sentence about film {i}. ", 12)),
        Tagline = "Nothing is what it seems.",
        Genres = ["Drama", "Thriller", "Science Fiction"],
        Studios = ["Studio One", "Studio Two"],
        Directors = ["A Director"],
        Writers = ["A Writer", "Another Writer"],
        Actors = [.. Enumerable.Range(0, 10).Select(a => new CastMember($"Actor {a}", $"Role {a}"))],
        CommunityRating = 7.3,
        OfficialRating = "PG-13",
        RuntimeMinutes = 121,
        ImdbId = $"tt{1000000 + i}",
        TmdbId = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Path = $"/data/movies/Film {i}/Film {i}.mkv",
        PosterUrl = new Uri($"http://server:8096/Items/{i:x32}/Images/Primary"),
    };
}
