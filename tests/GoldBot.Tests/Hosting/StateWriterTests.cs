using GoldBot.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.Tests.Hosting;

/// <summary>The state store's writes run on their own task: latest write per kind, in the order of the latest posts, all of them run at disposal.</summary>
public sealed class StateWriterTests
{
    [Fact]
    public async Task A_newer_write_of_a_kind_replaces_one_not_yet_run_and_goes_to_the_back_and_disposal_runs_what_is_pending()
    {
        var ran = new List<string>();
        var gate = new ManualResetEventSlim();
        var writer = new StateWriter(NullLogger.Instance);
        writer.Post("first", () => gate.Wait(TimeSpan.FromSeconds(60))); // holds the task while the rest is posted
        writer.Post("risk", () => ran.Add("risk 1"));
        writer.Post("trade", () => ran.Add("trade 1"));
        writer.Post("risk", () => ran.Add("risk 2"));

        gate.Set();
        await writer.DisposeAsync();

        // Committed in the order of the latest posts: a close posted between two risk saves commits before the second.
        Assert.Equal(["trade 1", "risk 2"], ran);
    }

    [Fact]
    public async Task A_write_that_throws_does_not_stop_the_writes_after_it()
    {
        var ran = new List<string>();
        var writer = new StateWriter(NullLogger.Instance);
        writer.Post("broken", () => throw new InvalidOperationException("disk"));
        writer.Post("risk", () => ran.Add("risk"));

        await writer.DisposeAsync();

        Assert.Equal(["risk"], ran);
    }
}
