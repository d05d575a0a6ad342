using Aperture.Samples.Console.Rendering;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Aperture.Samples.Console.Cli;

/// <summary>
/// Turns an exception that ends a command into a short message on standard error and an exit code. Aperture's own
/// errors already say what went wrong and what to do; anything else is reported as unexpected. The stack trace is
/// printed only with <c>--verbose</c>.
/// </summary>
internal static class ErrorReport
{
    /// <summary>The exit code of a wrong setting or command line.</summary>
    public const int UsageExitCode = 2;

    /// <summary>The exit code of a failure.</summary>
    public const int FailureExitCode = 1;

    /// <summary>The exit code of a command stopped with Ctrl+C.</summary>
    public const int CancelledExitCode = 130;


    /// <summary>Writes <paramref name="exception"/> for people and returns the exit code.</summary>
    public static int Write(Exception exception, bool verbose) => Write(StandardError.Console, exception, verbose);

    /// <summary>Writes <paramref name="exception"/> to <paramref name="console"/> and returns the exit code.</summary>
    public static int Write(IAnsiConsole console, Exception exception, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(exception);
        var (lines, exitCode) = Describe(exception);
        foreach (var line in lines)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(line)}");
        }

        if (exitCode == UsageExitCode && exception is not CommandAppException)
        {
            console.MarkupLine("[grey]Set it in appsettings.json, with an APERTURE__SECTION__SETTING environment variable, or with --set KEY=VALUE.[/]");
        }

        if (verbose)
        {
            console.WriteException(exception, ExceptionFormats.ShortenEverything);
        }
        else if (exitCode == FailureExitCode && exception is not ApertureException)
        {
            console.MarkupLine("[grey]Run the command again with --verbose to see the details.[/]");
        }

        return exitCode;
    }

    /// <summary>The lines that describe <paramref name="exception"/>, and its exit code.</summary>
    public static (IReadOnlyList<string> Lines, int ExitCode) Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Unwrap(exception) switch
        {
            OptionsValidationException invalid => ([.. invalid.Failures.Select(WithoutMemberName)], UsageExitCode),
            AggregateException many when many.InnerExceptions.All(static inner => inner is OptionsValidationException) =>
                ([.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(static invalid => invalid.Failures).Select(WithoutMemberName)], UsageExitCode),
            Samples.InvalidSettingException invalid => ([invalid.Message], UsageExitCode),

            // The configuration binder's message names the setting and the type it wanted ("… 'Copy' at 'Aperture:Libraries:Mode' …").
            InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => ([binding.Message], UsageExitCode),
            CommandAppException usage => ([$"{usage.Message} Run 'aperture --help' to see the commands and their options."], UsageExitCode),
            ApertureException known => ([known.Message], FailureExitCode),
            OperationCanceledException => (["Cancelled."], CancelledExitCode),
            var unexpected => ([$"Unexpected {unexpected.GetType().Name}: {unexpected.Message}"], FailureExitCode),
        };
    }

    // Generated validators prefix each failure with the member ("BaseUrl: Aperture:MediaServer:BaseUrl is required…");
    // the message already names the setting by its configuration key.
    private static string WithoutMemberName(string failure)
    {
        var separator = failure.IndexOf(": ", StringComparison.Ordinal);
        return separator > 0 && failure.AsSpan(separator + 2).StartsWith("Aperture:", StringComparison.Ordinal) && !failure.AsSpan(0, separator).ContainsAny(' ', ':')
            ? failure[(separator + 2)..]
            : failure;
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } single ? Unwrap(single.InnerExceptions[0]) : exception;
}
