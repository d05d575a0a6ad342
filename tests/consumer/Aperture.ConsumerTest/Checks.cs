namespace Aperture.ConsumerTest;

/// <summary>Records the consumer test's checks, prints each as it is made, and turns them into an exit code.</summary>
internal sealed class Checks
{
    private int _passed;
    private int _failed;

    /// <summary>Records a check: <paramref name="expectation"/> is what should hold, <paramref name="actual"/> what was seen instead.</summary>
    public void That(bool condition, string expectation, string actual)
    {
        if (condition)
        {
            _passed++;
            Console.WriteLine($"  ok    {expectation}");
        }
        else
        {
            Fail($"{expectation}, but {actual}");
        }
    }

    /// <summary>Records a failure.</summary>
    public void Fail(string message)
    {
        _failed++;
        Console.Error.WriteLine($"  FAIL  {message}");
    }

    /// <summary>Prints the totals; returns the process exit code (0 only when something was checked and nothing failed).</summary>
    public int Report()
    {
        Console.WriteLine($"consumer: {_passed} passed, {_failed} failed");
        return _failed == 0 && _passed > 0 ? 0 : 1;
    }
}
