using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Aperture.Benchmarks.Common;

/// <summary>
/// Adds <c>Peak RSS</c> (the process's peak resident memory during an operation) and <c>RSS growth</c> (that peak
/// less the resident memory just before the operation, after a full collection): the largest of each over the
/// measured iterations. The benchmark records them with <see cref="PeakMemoryScope"/>; they travel to the host
/// process (which computes the columns) through small files in the temporary folder.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PeakMemoryColumnAttribute : Attribute, IConfigSource
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "aperture-benchmarks");
    private static readonly ConcurrentDictionary<string, (long Peak, long Growth)> Largest = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddColumn(new MemoryColumn("Peak RSS", "Peak resident memory of the process during one operation (Linux VmHWM)", growth: false))
        .AddColumn(new MemoryColumn("RSS growth", "Peak resident memory during one operation less the resident memory before it", growth: true));

    /// <summary>The key of one benchmark case: class, method and parameter values.</summary>
    internal static string Key(string type, string method, params object?[] parameters) =>
        $"{type}.{method}({string.Join(",", parameters.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)))})";

    /// <summary>Records one iteration's figures (the largest of a run are kept).</summary>
    internal static void Record(string key, long before, long peak)
    {
        if (peak <= 0)
        {
            return;
        }

        var largest = Largest.AddOrUpdate(key, (peak, peak - before), (_, old) => (Math.Max(old.Peak, peak), Math.Max(old.Growth, peak - before)));
        Directory.CreateDirectory(Folder);
        File.WriteAllText(FileOf(key), string.Create(CultureInfo.InvariantCulture, $"{largest.Peak} {largest.Growth}"));
        Console.WriteLine($"// peak memory {key}: this iteration {before / 1048576.0:F0} MB before, peak {peak / 1048576.0:F0} MB; largest peak {largest.Peak / 1048576.0:F0} MB, growth {largest.Growth / 1048576.0:F0} MB");
    }

    private static string FileOf(string key) =>
        Path.Combine(Folder, "peak-memory." + string.Concat(key.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')) + ".txt");

    private sealed class MemoryColumn(string name, string legend, bool growth) : IColumn
    {
        public string Id => nameof(PeakMemoryColumnAttribute) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => growth ? 1 : 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var descriptor = benchmarkCase.Descriptor;
            var key = Key(descriptor.Type.Name, descriptor.WorkloadMethod.Name, [.. benchmarkCase.Parameters.Items.Select(p => p.Value)]);
            var file = FileOf(key);
            if (!File.Exists(file))
            {
                return "-";
            }

            var values = File.ReadAllText(file).Split(' ');
            var bytes = long.Parse(values[growth ? 1 : 0], CultureInfo.InvariantCulture);
            return (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MB";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
