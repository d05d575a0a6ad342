using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Aperture.Benchmarks.Embeddings;

/// <summary>Adds a <c>Movies/s</c> column: the movies one operation embeds divided by the mean time.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MoviesPerSecondColumnAttribute(int moviesPerOperation) : Attribute, IConfigSource
{
    /// <inheritdoc />
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn(new MoviesPerSecondColumn(moviesPerOperation));

    private sealed class MoviesPerSecondColumn(int moviesPerOperation) : IColumn
    {
        public string Id => nameof(MoviesPerSecondColumn);

        public string ColumnName => "Movies/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Movies embedded per second (movies per operation / mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? (moviesPerOperation / (mean.Value / 1e9)).ToString("F1", CultureInfo.InvariantCulture) : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
