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

    [Fact]
    public async Task PostAsync_returns_once_its_write_or_the_newer_write_that_replaced_it_has_run_and_faults_when_it_throws()
    {
        var ran = new List<string>();
        var gate = new ManualResetEventSlim();
        var writer = new StateWriter(NullLogger.Instance);
        writer.Post("first", () => gate.Wait(TimeSpan.FromSeconds(60)));
        var replaced = writer.PostAsync("trade", () => ran.Add("trade 1"));
        var newer = writer.PostAsync("trade", () => ran.Add("trade 2"));
        var broken = writer.PostAsync("journal", () => throw new InvalidOperationException("disk full"));
        Assert.False(replaced.IsCompleted); // waits for the commit, held behind "first"

        gate.Set();
        await Task.WhenAll(replaced, newer);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broken);

        Assert.Equal(["trade 2"], ran);
        Assert.Equal("disk full", error.Message);
        await writer.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.PostAsync("late", () => ran.Add("late")));
    }
}
