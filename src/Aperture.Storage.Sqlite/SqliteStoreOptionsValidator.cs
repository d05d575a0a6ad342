using Microsoft.Extensions.Options;

namespace Aperture.Storage.Sqlite;

/// <summary>Validates <see cref="SqliteStoreOptions"/> (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>;
