using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Aperture.Benchmarks.Embeddings;

/// <summary>
/// Adds a <c>CallsPerMovie</c> column. The figure is counted at set-up in the benchmark process and written to a
/// file beside the results, since columns are computed in the host process.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CallsPerMovieColumnAttribute : Attribute, IConfigSource
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "aperture-benchmarks");

    /// <inheritdoc />
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn(new CallsPerMovieColumn());

    /// <summary>Records the figure of one benchmark method (called in the benchmark process).</summary>
    public static void Record(string method, double callsPerMovie)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, $"calls-per-movie.{method}.txt"), callsPerMovie.ToString("R", CultureInfo.InvariantCulture));
    }

    private sealed class CallsPerMovieColumn : IColumn
    {
        public string Id => nameof(CallsPerMovieColumn);

        public string ColumnName => "CallsPerMovie";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Provider requests per movie embedded (counted at set-up)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var file = Path.Combine(Folder, $"calls-per-movie.{benchmarkCase.Descriptor.WorkloadMethod.Name}.txt");
            return File.Exists(file) && double.TryParse(File.ReadAllText(file), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value.ToString("F4", CultureInfo.InvariantCulture)
                : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
