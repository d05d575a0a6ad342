using Aperture.Samples.Console.Rendering;
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
        var unwrapped = Unwrap(exception);
        if (SettingErrors.Describe(unwrapped) is { } settings)
        {
            return (settings, UsageExitCode);
        }

        return unwrapped switch
        {
            CommandAppException usage => ([$"{usage.Message} Run 'aperture --help' to see the commands and their options."], UsageExitCode),
            ApertureException known => ([known.Message], FailureExitCode),
            OperationCanceledException => (["Cancelled."], CancelledExitCode),
            var unexpected => ([$"Unexpected {unexpected.GetType().Name}: {unexpected.Message}"], FailureExitCode),
        };
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } single ? Unwrap(single.InnerExceptions[0]) : exception;
}
