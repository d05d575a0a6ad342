using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Aperture.Jobs.Movies;

/// <summary>
/// Requires a value within [minimum, maximum] and names the setting (<c>section:member</c>) when it is not. Used
/// instead of <see cref="RangeAttribute"/>, whose source-generated copy in options validators ignores its
/// <see cref="ValidationAttribute.ErrorMessage"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SyncSettingRangeAttribute : ValidationAttribute
{
    private readonly string _section;
    private readonly IComparable _minimum;
    private readonly IComparable _maximum;

    /// <summary>An inclusive integer range.</summary>
    public SyncSettingRangeAttribute(string section, int minimum, int maximum) => (_section, _minimum, _maximum) = (section, minimum, maximum);

    /// <summary>An inclusive time range, each bound in <c>[d.]hh:mm:ss[.fff]</c> form.</summary>
    public SyncSettingRangeAttribute(string section, string minimum, string maximum) =>
        (_section, _minimum, _maximum) = (section, TimeSpan.Parse(minimum, CultureInfo.InvariantCulture), TimeSpan.Parse(maximum, CultureInfo.InvariantCulture));

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not IComparable comparable || (comparable.CompareTo(_minimum) >= 0 && comparable.CompareTo(_maximum) <= 0)
            ? ValidationResult.Success
            : new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"{_section}:{validationContext.MemberName} must be between {_minimum} and {_maximum} (it is {value})."),
                validationContext.MemberName is { } member ? [member] : null);
}

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
