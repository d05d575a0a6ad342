using Spectre.Console;

namespace Aperture.Samples.Console.Rendering;

/// <summary>The console for errors and log lines: standard error, so standard output stays the command's result.</summary>
internal static class StandardError
{
    /// <summary>Standard error as a Spectre console; unwrapped when redirected (a log file wants whole lines).</summary>
    public static IAnsiConsole Console { get; } = Create();

    private static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        if (System.Console.IsErrorRedirected)
        {
            console.Profile.Width = 4096;
        }

        return console;
    }
}
