using System.Buffers;
using Aperture.Catalog;

namespace Aperture.Testing;

/// <summary>
/// A movie as the emulator stores it: the seeded record plus its item JSON, serialised once into fragments keyed
/// by the <c>Fields=</c> value that includes them, so a page of 500 items is a series of memory copies.
/// </summary>
internal sealed class EmulatorMovie
{
    private static readonly byte[] s_userDataName = "\"UserData\":"u8.ToArray();
    private readonly (EmulatorItemFields Field, byte[] Json)[] _fragments;

    public EmulatorMovie(Movie movie, string sortKey, DateTimeOffset dateLastSaved, (EmulatorItemFields Field, byte[] Json)[] fragments)
    {
        Movie = movie;
        DateLastSaved = dateLastSaved;
        SortKey = sortKey;
        _fragments = fragments;
        MaxJsonLength = fragments.Sum(f => f.Json.Length + 1) + 2;
    }

    /// <summary>The length of the item's JSON with every optional field and without user data (for sizing buffers).</summary>
    public int MaxJsonLength { get; }

    /// <summary>The movie as seeded, with its server id and library id set.</summary>
    public Movie Movie { get; }

    /// <summary>The server's item id.</summary>
    public string Id => Movie.ServerId;

    /// <summary>The library the movie belongs to.</summary>
    public string LibraryId => Movie.LibraryId!;

    /// <summary>When the item's metadata was last saved (added or updated): what Jellyfin compares <c>MinDateLastSavedForUser</c> with.</summary>
    public DateTimeOffset DateLastSaved { get; }

    /// <summary>What the listing sorts by (<c>SortBy=SortName</c>).</summary>
    public string SortKey { get; }

    /// <summary>Writes the item as a JSON object with the optional fields in <paramref name="fields"/> and, when given, its user data.</summary>
    public void WriteTo(IBufferWriter<byte> output, EmulatorItemFields fields, ReadOnlySpan<byte> userData)
    {
        output.Write("{"u8);
        var first = true;
        foreach (var (field, json) in _fragments)
        {
            if (json.Length == 0 || (field != EmulatorItemFields.None && (fields & field) == 0))
            {
                continue;
            }

            if (!first)
            {
                output.Write(","u8);
            }

            output.Write(json);
            first = false;
        }

        if (!userData.IsEmpty)
        {
            output.Write(","u8);
            output.Write(s_userDataName);
            output.Write(userData);
        }

        output.Write("}"u8);
    }
}
