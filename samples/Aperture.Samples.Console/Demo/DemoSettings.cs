namespace Aperture.Samples.Console.Demo;

/// <summary>What the demo runs on.</summary>
/// <param name="DataDirectory">The folder the store and the libraries are kept in (made absolute).</param>
/// <param name="Movies">How many films of the bundled catalogue the demo server holds.</param>
/// <param name="Users">How many demo users it has (their tastes repeat after five).</param>
/// <param name="Embeddings">The embedding provider: <c>local</c> (the bundled model) or <c>hash</c> (instant, for tests).</param>
internal sealed record DemoSettings(string DataDirectory, int Movies = DemoSettings.DefaultMovies, int Users = DemoSettings.DefaultUsers, string Embeddings = "local")
{
    /// <summary>The default number of films.</summary>
    public const int DefaultMovies = 2000;

    /// <summary>The default number of users.</summary>
    public const int DefaultUsers = 5;

    /// <summary>The store file, inside <see cref="DataDirectory"/>.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "aperture.db");

    /// <summary>The root the per-user libraries are written under, inside <see cref="DataDirectory"/>.</summary>
    public string LibraryRoot => Path.Combine(Path.GetFullPath(DataDirectory), "libraries");
}
