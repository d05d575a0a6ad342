using System.Diagnostics;

namespace Aperture.Jobs.Tests.Engine;

/// <summary>
/// Waits for a condition that has no signal to await (a log record), checking often; the limit only guards
/// against a hang and never paces a test.
/// </summary>
internal static class Eventually
{
    public static async Task Async(Func<bool> condition, string what)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            if (elapsed.Elapsed > JobScript.Patience)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }
}
