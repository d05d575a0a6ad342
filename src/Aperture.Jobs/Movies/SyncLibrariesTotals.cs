using System.Globalization;

namespace Aperture.Jobs.Movies;

/// <summary>The counts of one <c>sync-movie-libraries</c> run, summed over users.</summary>
internal sealed class SyncLibrariesTotals
{
    /// <summary>Users whose library was written.</summary>
    public int Users { get; private set; }

    /// <summary>Enabled users left as they were (no picks yet).</summary>
    public int UsersSkipped { get; private set; }

    /// <summary>Users no longer enabled whose folder and library were removed.</summary>
    public int UsersRemoved { get; set; }

    /// <summary>Movie folders written.</summary>
    public int Written { get; private set; }

    /// <summary>Movie folders left untouched.</summary>
    public int Unchanged { get; private set; }

    /// <summary>Movie folders removed.</summary>
    public int Removed { get; private set; }

    /// <summary>Picks skipped.</summary>
    public int Skipped { get; private set; }

    /// <summary>Server libraries created.</summary>
    public int LibrariesCreated { get; private set; }

    /// <summary>Server libraries scanned.</summary>
    public int LibrariesScanned { get; private set; }

    /// <summary>Distinct warnings of the writer (for example the Jellyfin .strm one), in first-seen order.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Adds one user's outcome.</summary>
    public void Add(SyncLibrariesUserOutcome outcome)
    {
        if (outcome.Written is not { } written)
        {
            UsersSkipped++;
            return;
        }

        Users++;
        Written += written.Written;
        Unchanged += written.Unchanged;
        Removed += written.Removed;
        Skipped += outcome.Skipped.Count;
        LibrariesCreated += outcome.LibraryCreated ? 1 : 0;
        LibrariesScanned += outcome.Scanned ? 1 : 0;
        Warnings.AddRange(written.Warnings);
    }

    /// <summary>The named counts of the job result.</summary>
    public Dictionary<string, long> ToCounts() => new()
    {
        ["users"] = Users,
        ["users-skipped"] = UsersSkipped,
        ["users-removed"] = UsersRemoved,
        ["written"] = Written,
        ["unchanged"] = Unchanged,
        ["removed"] = Removed,
        ["skipped"] = Skipped,
        ["libraries-created"] = LibrariesCreated,
        ["libraries-scanned"] = LibrariesScanned,
        ["warnings"] = Warnings.Count,
    };

    /// <summary>One line for people, with the first warning when there is one.</summary>
    public string Summary(int enabledUsers)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{enabledUsers} enabled user(s), {Users} written, {UsersSkipped} skipped, {UsersRemoved} removed; movies: {Written} written, {Unchanged} unchanged, {Removed} removed, {Skipped} skipped; {LibrariesScanned} librar{(LibrariesScanned == 1 ? "y" : "ies")} scanned");
        return Warnings.Count == 0 ? line : $"{line}. Warning: {Warnings[0]}";
    }
}
