using System.Globalization;
using Aperture.Samples.Console.Demo;
using Spectre.Console;

namespace Aperture.Samples.Console.Rendering;

/// <summary>What the demo prints after the pipeline: each user's top picks, and the library folders written.</summary>
internal static class DemoReport
{
    /// <summary>One table per user: rank, movie, genres and why.</summary>
    public static IEnumerable<Table> Picks(IEnumerable<DemoUserPicks> users, int top)
    {
        ArgumentNullException.ThrowIfNull(users);
        foreach (var user in users)
        {
            var taste = user.Persona is { } persona ? $" · {Markup.Escape(persona.Description)}" : string.Empty;
            var title = string.Create(CultureInfo.InvariantCulture, $"[bold]{Markup.Escape(user.User.User.Name)}[/]{taste} · watched {user.Watched} · {user.Picks.Count} picks");
            var table = new Table().Border(TableBorder.Rounded).Title(title).Expand()
                .AddColumn(new TableColumn("#").RightAligned())
                .AddColumn("movie")
                .AddColumn("genres")
                .AddColumn("why");
            foreach (var (pick, movie) in user.Picks.Take(top))
            {
                table.AddRow(
                    pick.Rank.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(movie.DisplayTitle),
                    $"[grey]{Markup.Escape(string.Join(", ", movie.Genres.Take(3)))}[/]",
                    Markup.Escape(pick.Explanation ?? string.Empty));
            }

            if (user.Picks.Count == 0)
            {
                table.AddRow(string.Empty, "[grey]no picks yet (no watch history)[/]", string.Empty, string.Empty);
            }

            yield return table;
        }
    }

    /// <summary>
    /// The library tree under <paramref name="libraryRoot"/>: every user's folder with its first
    /// <paramref name="moviesShown"/> movie folders and their files.
    /// </summary>
    public static Tree Libraries(string libraryRoot, int moviesShown)
    {
        ArgumentNullException.ThrowIfNull(libraryRoot);
        var tree = new Tree($"[bold]{Markup.Escape(libraryRoot)}[/]");
        if (!Directory.Exists(libraryRoot))
        {
            tree.AddNode("[grey](nothing written)[/]");
            return tree;
        }

        foreach (var folder in Visible(Directory.EnumerateDirectories(libraryRoot)))
        {
            AddFolder(tree.AddNode(Folder(folder)), folder, moviesShown, depth: 0);
        }

        return tree;
    }

    // users/ → <user>/ → ai-movies/ → NN - Title (Year)/ → files: the movie folders are three levels down.
    private static void AddFolder(TreeNode node, string folder, int moviesShown, int depth)
    {
        var children = Visible(Directory.EnumerateDirectories(folder)).ToArray();
        var shown = depth >= 2 ? children.Take(moviesShown).ToArray() : children;
        foreach (var child in shown)
        {
            var childNode = node.AddNode(Folder(child));
            if (depth >= 2)
            {
                foreach (var file in Visible(Directory.EnumerateFiles(child)))
                {
                    childNode.AddNode(Markup.Escape(Path.GetFileName(file)));
                }
            }
            else
            {
                AddFolder(childNode, child, moviesShown, depth + 1);
            }
        }

        if (children.Length > shown.Length)
        {
            node.AddNode(string.Create(CultureInfo.InvariantCulture, $"[grey]… and {children.Length - shown.Length} more[/]"));
        }
    }

    private static IEnumerable<string> Visible(IEnumerable<string> paths) =>
        paths.Where(static path => !Path.GetFileName(path).StartsWith('.')).Order(StringComparer.Ordinal);

    private static string Folder(string path) => $"[blue]{Markup.Escape(Path.GetFileName(path))}/[/]";
}
