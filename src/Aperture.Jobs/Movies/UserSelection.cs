using Aperture.Catalog;
using Aperture.Storage;
using Microsoft.Extensions.Options;

namespace Aperture.Jobs.Movies;

/// <summary>
/// Decides which users the per-user jobs process: a user is processed when the server has not disabled them,
/// Aperture's per-user switch is on (<see cref="UserAccount.IsEnabled"/>, changed with
/// <see cref="IUserStore.SetUserEnabledAsync"/>), and <see cref="UserSelectionOptions"/> include and do not exclude
/// them. Every per-user job asks this one class, so they all agree.
/// </summary>
internal sealed class UserSelection(IUserStore users, IOptions<UserSelectionOptions> options)
{
    private readonly UserSelectionOptions _options = options.Value;

    /// <summary>Reads the stored users and splits them into those to process and those to skip (with why).</summary>
    public async Task<UserSelectionResult> SelectAsync(CancellationToken cancellationToken)
    {
        var all = await users.GetUsersAsync(cancellationToken).ConfigureAwait(false);
        var selected = new List<UserAccount>();
        var skipped = new List<SkippedUser>();
        foreach (var user in all)
        {
            if (SkipReason(user) is { } reason)
            {
                skipped.Add(new SkippedUser(user, reason));
            }
            else
            {
                selected.Add(user);
            }
        }

        return new UserSelectionResult(selected, skipped);
    }

    /// <summary>Why <paramref name="user"/> is not processed, or <see langword="null"/> when it is.</summary>
    public string? SkipReason(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.User.IsDisabled)
        {
            return "disabled on the media server";
        }

        if (!user.IsEnabled)
        {
            return "turned off in Aperture";
        }

        if (_options.Exclude.Any(entry => Names(user, entry)))
        {
            return $"listed in {UserSelectionOptions.SectionName}:Exclude";
        }

        if (_options.Include.Count > 0 && !_options.Include.Any(entry => Names(user, entry)))
        {
            return $"not listed in {UserSelectionOptions.SectionName}:Include";
        }

        return null;
    }

    private static bool Names(UserAccount user, string entry)
    {
        var value = entry.Trim();
        return string.Equals(user.User.Name, value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(user.Id, value, StringComparison.OrdinalIgnoreCase)
            || (Guid.TryParse(user.Id, out var id) && Guid.TryParse(value, out var other) && id == other);
    }
}
