using Microsoft.Extensions.Options;

namespace Aperture.Samples;

/// <summary>Recognises the exceptions that mean "a setting is wrong" and lists what each says, one line per setting.</summary>
internal static class SettingErrors
{
    /// <summary>
    /// The lines that describe a wrong setting, or <see langword="null"/> when <paramref name="exception"/> is not about
    /// settings: failed option validation (one line per failure), a host choice this program cannot make, or a
    /// value the configuration binder could not convert.
    /// </summary>
    public static IReadOnlyList<string>? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures.Select(failure => Named(failure, invalid.OptionsType))],
        AggregateException many when many.InnerExceptions.Count > 0 && many.InnerExceptions.All(static inner => Describe(inner) is not null) =>
            [.. many.InnerExceptions.SelectMany(static inner => Describe(inner)!)],
        InvalidSettingException invalid => [invalid.Message],

        // The binder's message names the setting and the type it wanted ("… 'Copy' at 'Aperture:Libraries:Mode' …").
        InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [binding.Message],
        _ => null,
    };

    // Generated validators prefix each failure with the member: "BaseUrl: Aperture:MediaServer:BaseUrl is required…".
    // When the message names the setting already, the prefix goes; when it does not ("PicksPerUser: The field
    // RecommendationOptions.PicksPerUser must be between 1 and 500."), the member becomes the full setting name, from
    // the options class's SectionName.
    private static string Named(string failure, Type optionsType)
    {
        var separator = failure.IndexOf(": ", StringComparison.Ordinal);
        if (separator <= 0 || failure.AsSpan(0, separator).ContainsAny(' ', ':'))
        {
            return failure;
        }

        var message = failure[(separator + 2)..];
        if (message.StartsWith("Aperture:", StringComparison.Ordinal))
        {
            return message;
        }

        return optionsType.GetField("SectionName")?.GetRawConstantValue() is string section
            ? $"{section}:{failure[..separator].Replace('.', ':')}: {message}"
            : failure;
    }
}
