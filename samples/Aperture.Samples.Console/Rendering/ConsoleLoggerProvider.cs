using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Aperture.Samples.Console.Rendering;

/// <summary>
/// Writes log lines to standard error, one short line each. While a live display (a progress bar) is on screen the
/// lines are held and written when it ends, so they never tear the display.
/// </summary>
internal sealed class ConsoleLoggerProvider(bool verbose) : ILoggerProvider
{
    private static readonly Lock s_gate = new();
    private static List<string>? s_held;

    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Holds log lines until the returned scope is disposed (then writes them, in order).</summary>
    public static IDisposable HoldWhileLive()
    {
        lock (s_gate)
        {
            s_held ??= [];
        }

        return new Release();
    }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new Logger(name, verbose));

    public void Dispose() => _loggers.Clear();

    private static void Write(string markup)
    {
        lock (s_gate)
        {
            if (s_held is not null)
            {
                s_held.Add(markup);
                return;
            }

            StandardError.Console.MarkupLine(markup);
        }
    }

    private sealed class Release : IDisposable
    {
        public void Dispose()
        {
            lock (s_gate)
            {
                var held = s_held;
                s_held = null;
                foreach (var markup in held ?? [])
                {
                    StandardError.Console.MarkupLine(markup);
                }
            }
        }
    }

    private sealed class Logger(string category, bool verbose) : ILogger
    {
        // The last part of the category is enough to tell jobs apart: "SyncMoviesJob", "JobRunner".
        private readonly string _source = category[(category.LastIndexOf('.') + 1)..];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var (label, color) = logLevel switch
            {
                LogLevel.Critical or LogLevel.Error => ("fail", "red"),
                LogLevel.Warning => ("warn", "yellow"),
                LogLevel.Information => ("info", "grey"),
                _ => ("dbug", "grey"),
            };
            var message = formatter(state, exception);
            if (exception is not null)
            {
                message = verbose ? $"{message}{Environment.NewLine}{exception}" : $"{message}: {exception.Message}";
            }

            Write($"[{color}]{label}[/] [grey]{Markup.Escape(_source)}:[/] {Markup.Escape(message)}");
        }
    }
}
