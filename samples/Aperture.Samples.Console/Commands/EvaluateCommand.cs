using System.ComponentModel;
using System.Globalization;
using Aperture.Recommendations;
using Aperture.Samples.Console.Cli;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Aperture.Samples.Console.Commands;

/// <summary>
/// <c>aperture evaluate</c>: the offline quality of the configured recommender settings on the stored watch history
/// (each user's latest plays hidden, then looked for among the picks), beside the baselines it should beat.
/// </summary>
internal sealed class EvaluateCommand : AsyncCommand<EvaluateCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var session = await ApertureSession.StartConfiguredAsync(settings, cancellationToken).ConfigureAwait(false);
        var configured = session.Get<IOptions<RecommendationOptions>>().Value;
        RecommenderVariant[] variants =
        [
            new("configured", configured),
            new("popularity", RecommendationPresets.Popularity()),
            new("reference centroid", RecommendationPresets.ReferenceCentroid()),
            new("content only", RecommendationPresets.ContentCentroid()),
        ];
        var evaluation = new EvaluationOptions { K = settings.K, HoldoutsPerUser = settings.Holdouts };
        var results = await AnsiConsole.Status().StartAsync(
            "Evaluating…",
            _ => session.Get<IRecommendationEvaluator>().CompareAsync(variants, evaluation, cancellationToken)).ConfigureAwait(false);

        var k = settings.K.ToString(CultureInfo.InvariantCulture);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("settings")
            .AddColumn(new TableColumn("users").RightAligned())
            .AddColumn(new TableColumn("cases").RightAligned())
            .AddColumn(new TableColumn($"HR@{k}").RightAligned())
            .AddColumn(new TableColumn($"NDCG@{k}").RightAligned())
            .AddColumn(new TableColumn("coverage").RightAligned());
        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(result.Name),
                result.Users.ToString("N0", CultureInfo.InvariantCulture),
                result.Cases.ToString("N0", CultureInfo.InvariantCulture),
                result.HitRate.ToString("P1", CultureInfo.InvariantCulture),
                result.Ndcg.ToString("0.000", CultureInfo.InvariantCulture),
                result.Coverage.ToString("P1", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]HR@{k}: how often a user's hidden latest play is among the {k} picks made from what they watched before; NDCG also rewards ranking it high; coverage: the share of the catalogue ever picked.[/]");
        return 0;
    }

    /// <summary>How the evaluation is run.</summary>
    internal sealed class Settings : ApertureCommandSettings
    {
        [CommandOption("-k|--cutoff <N>")]
        [Description("The list length measured (HR@K, NDCG@K).")]
        [DefaultValue(10)]
        public int K { get; set; } = 10;

        [CommandOption("--holdouts <N>")]
        [Description("How many of each user's latest plays are held out, one at a time (more gives steadier figures on small servers).")]
        [DefaultValue(1)]
        public int Holdouts { get; set; } = 1;

        public override ValidationResult Validate() =>
            K is < 1 or > 500 ? ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--k must be between 1 and 500; got {K}."))
            : Holdouts is < 1 or > 100 ? ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--holdouts must be between 1 and 100; got {Holdouts}."))
            : base.Validate();
    }
}
