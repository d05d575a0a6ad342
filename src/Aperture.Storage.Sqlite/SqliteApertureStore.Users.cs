using Aperture.Catalog;

namespace Aperture.Storage.Sqlite;

internal sealed partial class SqliteApertureStore
{
    public Task UpsertUsersAsync(IReadOnlyList<MediaUser> users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        foreach (var user in users)
        {
            StoreGuard.ValidateUser(user);
        }

        return WriteAsync(transaction =>
        {
            // A new user starts enabled; a known user's Aperture settings (the last two columns) are kept.
            using var upsert = transaction.Command("""
                INSERT INTO users (id, name, is_disabled, is_administrator, max_parental_rating, has_access_to_all_libraries, library_ids, is_enabled, excluded_library_ids)
                VALUES ($id, $name, $disabled, $admin, $rating, $all, $libraries, 1, NULL)
                ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, is_disabled = excluded.is_disabled, is_administrator = excluded.is_administrator,
                    max_parental_rating = excluded.max_parental_rating,
                    has_access_to_all_libraries = excluded.has_access_to_all_libraries, library_ids = excluded.library_ids;
                """);
            var p = AddParameters(upsert, "$id", "$name", "$disabled", "$admin", "$rating", "$all", "$libraries");
            foreach (var user in users)
            {
                p[0].Value = user.Id;
                p[1].Value = user.Name;
                p[2].Value = SqliteValues.ToDb(user.IsDisabled);
                p[3].Value = SqliteValues.ToDb(user.IsAdministrator);
                p[4].Value = SqliteValues.ToDb(user.MaxParentalRating);
                p[5].Value = SqliteValues.ToDb(user.HasAccessToAllLibraries);
                p[6].Value = SqliteValues.ToJsonDb(user.LibraryIds, StoreJsonContext.Default.StringArray);
                upsert.ExecuteNonQuery();
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<UserAccount>> GetUsersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<UserAccount>>(transaction =>
        {
            using var command = transaction.Command("""
                SELECT id, name, is_disabled, is_administrator, max_parental_rating, has_access_to_all_libraries, library_ids, is_enabled, excluded_library_ids
                FROM users;
                """);
            using var reader = command.ExecuteReader();
            var users = new List<UserAccount>();
            while (reader.Read())
            {
                var user = new MediaUser
                {
                    Id = reader.GetString(0),
                    Name = reader.GetString(1),
                    IsDisabled = reader.GetBoolean(2),
                    IsAdministrator = reader.GetBoolean(3),
                    MaxParentalRating = reader.GetNullableInt32(4),
                    HasAccessToAllLibraries = reader.GetBoolean(5),
                    LibraryIds = reader.GetJsonList(6, StoreJsonContext.Default.StringArray),
                };
                users.Add(new UserAccount(user, reader.GetBoolean(7), reader.GetJsonList(8, StoreJsonContext.Default.StringArray)));
            }

            // Sorted here, not by SQLite, whose NOCASE folds ASCII only.
            return [.. users.OrderBy(static u => u.User.Name, StringComparer.OrdinalIgnoreCase).ThenBy(static u => u.Id, StringComparer.Ordinal)];
        }, cancellationToken);

    public Task SetUserEnabledAsync(string userId, bool enabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return WriteAsync(transaction => RequireUser(
            userId,
            transaction.Execute("UPDATE users SET is_enabled = $enabled WHERE id = $id;", ("$enabled", SqliteValues.ToDb(enabled)), ("$id", userId))), cancellationToken);
    }

    public Task SetExcludedLibrariesAsync(string userId, IReadOnlyList<string> libraryIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(libraryIds);
        return WriteAsync(transaction => RequireUser(
            userId,
            transaction.Execute(
                "UPDATE users SET excluded_library_ids = $libraries WHERE id = $id;",
                ("$libraries", SqliteValues.ToJsonDb(libraryIds, StoreJsonContext.Default.StringArray)),
                ("$id", userId))), cancellationToken);
    }

    private static void RequireUser(string userId, int updatedRows)
    {
        if (updatedRows == 0)
        {
            throw StoreGuard.UnknownUser(userId);
        }
    }
}
