namespace Aperture.Libraries.Tests;

/// <summary>
/// A real temporary folder per test: <see cref="Root"/> is the writer's output root, <see cref="Media"/> holds
/// original movie files, <see cref="Outside"/> holds files that must never be touched.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    public Sandbox()
    {
        Path = System.IO.Path.Join(System.IO.Path.GetTempPath(), "aperture-libraries-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        Root = System.IO.Path.Join(Path, "out");
        Media = System.IO.Path.Join(Path, "media");
        Outside = System.IO.Path.Join(Path, "outside");
        Directory.CreateDirectory(Media);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(System.IO.Path.Join(Outside, "precious.txt"), "do not touch");
    }

    public string Path { get; }

    public string Root { get; }

    public string Media { get; }

    public string Outside { get; }

    /// <summary>Creates an original movie file under <see cref="Media"/> and returns its path.</summary>
    public string AddMediaFile(string name)
    {
        var path = System.IO.Path.Join(Media, name);
        File.WriteAllText(path, "video");
        return path;
    }

    /// <summary>Every file, folder and link under the sandbox except <see cref="Root"/>'s subtree, seen without following links.</summary>
    public IReadOnlyDictionary<string, string> OutsideState() =>
        FileTree.Entries(Path)
            .Where(entry => !entry.Key.StartsWith(Root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) && entry.Key != Root)
            .ToDictionary();

    public void Dispose() => LibraryFiles.Delete(Path);
}
