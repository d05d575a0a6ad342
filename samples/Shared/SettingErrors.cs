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
        OptionsValidationException invalid => [.. invalid.Failures.Select(WithoutMemberName)],
        AggregateException many when many.InnerExceptions.Count > 0 && many.InnerExceptions.All(static inner => Describe(inner) is not null) =>
            [.. many.InnerExceptions.SelectMany(static inner => Describe(inner)!)],
        InvalidSettingException invalid => [invalid.Message],

        // The binder's message names the setting and the type it wanted ("… 'Copy' at 'Aperture:Libraries:Mode' …").
        InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [binding.Message],
        _ => null,
    };

    // Generated validators prefix each failure with the member ("BaseUrl: Aperture:MediaServer:BaseUrl is required…");
    // the message already names the setting by its configuration key.
    private static string WithoutMemberName(string failure)
    {
        var separator = failure.IndexOf(": ", StringComparison.Ordinal);
        return separator > 0 && failure.AsSpan(separator + 2).StartsWith("Aperture:", StringComparison.Ordinal) && !failure.AsSpan(0, separator).ContainsAny(' ', ':')
            ? failure[(separator + 2)..]
            : failure;
    }
}
