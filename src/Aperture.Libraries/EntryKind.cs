namespace Aperture.Libraries;

/// <summary>What a path holds, seen without following links.</summary>
internal enum EntryKind
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>A regular file.</summary>
    File,

    /// <summary>A real folder.</summary>
    Directory,

    /// <summary>A symbolic link (or another reparse point), whatever it points to.</summary>
    Link,
}
