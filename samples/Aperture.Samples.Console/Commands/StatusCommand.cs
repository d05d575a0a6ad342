using System.Globalization;
using Aperture.Embeddings;
using Aperture.MediaServers;
using Aperture.Samples.Console.Cli;
using Aperture.Samples.Console.Rendering;
using Aperture.Storage;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Aperture.Samples.Console.Commands;

/// <summary><c>aperture status</c>: whether the media server answers, and what the store holds.</summary>
internal sealed class StatusCommand : AsyncCommand<ApertureCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApertureCommandSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await ApertureSession.StartConfiguredAsync(settings, cancellationToken).ConfigureAwait(false);
        var exitCode = 0;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "");
        table.ShowHeaders = false;

        var baseUrl = session.Get<IOptions<MediaServerOptions>>().Value.BaseUrl;
        try
        {
            var server = await session.Get<IMediaServerClient>().GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
            table.AddRow("media server", $"[green]✓[/] {server.Kind} {Markup.Escape(server.Version)} '{Markup.Escape(server.Name)}' at {Markup.Escape(baseUrl)}");
        }
        catch (MediaServerException exception)
        {
            table.AddRow("media server", $"[red]✗ {Markup.Escape(exception.Message)}[/]");
            exitCode = ErrorReport.FailureExitCode;
        }

        var store = session.Get<IApertureStore>();
        var movies = await store.GetMoviesAsync(includeRemoved: true, cancellationToken).ConfigureAwait(false);
        var removed = movies.Count(static movie => !movie.IsActive);
        table.AddRow("movies", Count($"{movies.Count - removed:N0} active, {removed:N0} marked removed"));
        table.AddRow("libraries", Markup.Escape(string.Join(", ", (await store.GetLibrariesAsync(cancellationToken).ConfigureAwait(false)).Select(static library => library.Name)) is { Length: > 0 } names ? names : "–"));
        var users = await store.GetUsersAsync(cancellationToken).ConfigureAwait(false);
        table.AddRow("users", Count($"{users.Count:N0} ({users.Count(static user => user.IsActive):N0} active)"));
        var states = await store.GetAllWatchStatesAsync(cancellationToken).ConfigureAwait(false);
        table.AddRow("watch states", Count($"{states.Count:N0} ({states.Count(static state => state.Played):N0} played)"));

        var vectors = await store.GetModelsAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var active = await session.Get<IActiveEmbeddingModel>().GetAsync(cancellationToken).ConfigureAwait(false);
            var embedded = vectors.FirstOrDefault(usage => usage.Model.Key == active.Key)?.VectorCount ?? 0;
            table.AddRow("embedding model", Count($"{active} (active): {embedded:N0} of {movies.Count - removed:N0} movies embedded"));
        }
        catch (ApertureException exception)
        {
            table.AddRow("embedding model", $"[red]✗ {Markup.Escape(exception.Message)}[/]");
            exitCode = ErrorReport.FailureExitCode;
        }

        foreach (var usage in vectors)
        {
            table.AddRow("vectors", Count($"{usage.Model}: {usage.VectorCount:N0}"));
        }

        var picks = await store.GetAllLatestAsync(cancellationToken).ConfigureAwait(false);
        var newest = picks.Select(static set => set.Run.CompletedAt).Max();
        table.AddRow("picks", Count($"{picks.Sum(static set => set.Picks.Count):N0} for {picks.Count:N0} users") + (newest is { } at ? $" (latest {RunTables.Duration(session.Get<TimeProvider>().GetUtcNow() - at)} ago)" : string.Empty));

        AnsiConsole.Write(table);
        return exitCode;
    }

    private static string Count(FormattableString text) => Markup.Escape(text.ToString(CultureInfo.InvariantCulture));
}
