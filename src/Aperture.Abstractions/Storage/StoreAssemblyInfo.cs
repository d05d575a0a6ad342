using System.Runtime.CompilerServices;

// The store implementations share the contract's argument rules (StoreGuard) so both enforce them identically.
[assembly: InternalsVisibleTo("Aperture.Storage.Sqlite")]
[assembly: InternalsVisibleTo("Aperture.Testing")]
