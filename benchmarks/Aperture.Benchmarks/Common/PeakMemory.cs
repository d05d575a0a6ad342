using System.Globalization;

namespace Aperture.Benchmarks.Common;

/// <summary>
/// The peak resident memory of the process during one benchmark operation, on Linux: the kernel's high-water mark
/// (<c>VmHWM</c>) is reset just before the operation (<c>/proc/self/clear_refs</c>) and read just after it, so the
/// figure belongs to that operation even when earlier benchmarks ran in the same process (<c>--inProcess</c>).
/// </summary>
internal static class PeakMemory
{
    /// <summary>Whether the kernel offers the figures (Linux only).</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && File.Exists("/proc/self/clear_refs");

    /// <summary>
    /// Collects garbage and gives the free memory back to the system, then resets the high-water mark to the current
    /// resident size; returns that size in bytes (0 where unsupported). Call it last in the iteration set-up.
    /// </summary>
    public static long Reset()
    {
        // Aggressive: the heap decommits what it no longer uses, so an operation cannot hide in memory that earlier
        // iterations left committed, and the resident size before it is the live data's.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (!IsSupported)
        {
            return 0;
        }

        // "5" resets the peak resident set size to the current one (Linux 4.0 and later).
        File.WriteAllText("/proc/self/clear_refs", "5");
        return ReadStatus("VmRSS:");
    }

    /// <summary>The peak resident size since the last <see cref="Reset"/>, in bytes (0 where unsupported).</summary>
    public static long Peak() => IsSupported ? ReadStatus("VmHWM:") : 0;

    private static long ReadStatus(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                // "VmHWM:	  123456 kB"
                var value = line.AsSpan(field.Length).Trim();
                return long.Parse(value[..value.IndexOf(' ')], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
