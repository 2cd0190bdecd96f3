using System.Diagnostics;

namespace GoldBot.GatewaySimulator.Tests;

/// <summary>Waits for a condition that another thread makes true (a server continuation), with a generous deadline; never waits for time to pass.</summary>
internal static class Eventually
{
    /// <summary>How long a test waits for another thread before it fails: a liveness bound, generous enough for a loaded 2-core machine, never a timing assertion.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Patience)
                Assert.Fail("timed out waiting for " + what);
            await Task.Delay(5);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > Patience)
                Assert.Fail("timed out waiting for " + what);
            await Task.Delay(5);
        }
    }
}
