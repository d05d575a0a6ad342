using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Aperture.Libraries;

/// <summary>The user folder and server library name templates: validation and rendering.</summary>
internal static partial class NameTemplate
{
    /// <summary>The display name placeholder.</summary>
    public const string UserToken = "{user}";

    /// <summary>The user id placeholder.</summary>
    public const string IdToken = "{id}";

    // A user folder stays well under the 255-byte limit, so the folder name never has to cut the id.
    private const int MaxUserFolderBytes = 160;

    // Display names beyond this length make unwieldy folder names; the id keeps them unique anyway.
    private const int MaxUserNameChars = 64;

    private static readonly SearchValues<char> InvalidInFolderName = SearchValues.Create("/\\<>:\"|?*");

    /// <summary>Returns why <paramref name="template"/> cannot name user folders, or <see langword="null"/> when it can.</summary>
    public static string? ValidateUserFolder(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return "it is empty; use for example {user}_{id}.";
        }

        if (!template.Contains(IdToken, StringComparison.Ordinal))
        {
            return "it must contain {id}, so two users with the same name never share a folder.";
        }

        if (UnknownPlaceholder(template, UserToken, IdToken) is { } unknown)
        {
            return $"'{unknown}' is not a placeholder; use {{user}} and {{id}}.";
        }

        var literal = template.Replace(UserToken, string.Empty, StringComparison.Ordinal).Replace(IdToken, string.Empty, StringComparison.Ordinal);
        if (literal.AsSpan().IndexOfAny(InvalidInFolderName) >= 0 || literal.Any(char.IsControl))
        {
            return "it must be one folder name: no / \\ < > : \" | ? * or control characters.";
        }

        return SafeName.Clean(template) == template ? null : "it must not start with a dot or end with a dot or space.";
    }

    /// <summary>Returns why <paramref name="template"/> cannot name server libraries, or <see langword="null"/> when it can.</summary>
    public static string? ValidateLibraryName(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return "it is empty; use for example {user}'s AI Picks - Movies.";
        }

        if (!template.Contains(UserToken, StringComparison.Ordinal))
        {
            return "it must contain {user}, so every user gets their own library.";
        }

        if (UnknownPlaceholder(template, UserToken) is { } unknown)
        {
            return $"'{unknown}' is not a placeholder; use {{user}}.";
        }

        return template.Any(char.IsControl) ? "it must not contain control characters." : null;
    }

    /// <summary>Renders a user's folder name: safe on every file system, unique per user id, at most 160 bytes.</summary>
    public static string RenderUserFolder(string template, string userName, string userId)
    {
        var id = SafeId(userId);
        var name = SafeName.Clean(userName);
        if (name.Length == 0)
        {
            name = "user";
        }

        if (name.Length > MaxUserNameChars)
        {
            name = SafeName.Fit(name, SafeName.ByteCount(name[..MaxUserNameChars]));
        }

        var withoutName = Render(template, string.Empty, id);
        name = SafeName.Fit(name, Math.Max(1, MaxUserFolderBytes - SafeName.ByteCount(withoutName)));
        return SafeName.Clean(Render(template, name, id));
    }

    /// <summary>Renders a user's server library name: the template with the display name on one line.</summary>
    public static string RenderLibraryName(string template, string userName, string userId)
    {
        var name = XmlText.Line(userName).Trim();
        return template.Replace(UserToken, name.Length > 0 ? name : userId, StringComparison.Ordinal);
    }

    // Server ids are hex (Jellyfin) or digits (Emby); anything else is hashed so the id part stays a safe, stable,
    // collision-resistant name.
    private static string SafeId(string userId) =>
        PlainId().IsMatch(userId)
            ? userId
            : "id-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16];

    private static string Render(string template, string name, string id) =>
        template.Replace(UserToken, name, StringComparison.Ordinal).Replace(IdToken, id, StringComparison.Ordinal);

    private static string? UnknownPlaceholder(string template, params ReadOnlySpan<string> known)
    {
        foreach (Match match in Placeholder().Matches(template))
        {
            var isKnown = false;
            foreach (var token in known)
            {
                isKnown |= match.Value == token;
            }

            if (!isKnown)
            {
                return match.Value;
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex PlainId();

    [GeneratedRegex(@"\{[^{}]*\}|[{}]")]
    private static partial Regex Placeholder();
}
