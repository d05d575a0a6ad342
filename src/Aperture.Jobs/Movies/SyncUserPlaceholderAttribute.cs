using System.ComponentModel.DataAnnotations;

namespace Aperture.Jobs.Movies;

/// <summary>Requires a library name template that holds the <c>{user}</c> placeholder.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SyncUserPlaceholderAttribute(string section) : ValidationAttribute
{
    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string template && template.Contains("{user}", StringComparison.Ordinal)
            ? ValidationResult.Success
            : new ValidationResult(
                $"{section}:{validationContext.MemberName} must contain {{user}} where the user's name goes, for example \"{{user}}'s AI Picks - Movies\".",
                validationContext.MemberName is { } member ? [member] : null);
}
