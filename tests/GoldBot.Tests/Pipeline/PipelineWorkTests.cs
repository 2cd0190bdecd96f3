using GoldBot.Pipeline;

namespace GoldBot.Tests.Pipeline;

public sealed class PipelineWorkTests
{
    [Fact]
    public async Task Idle_only_after_every_message_and_everything_it_caused_is_handled()
    {
        var work = new PipelineWork();
        var first = PipelineChannel<int>.Bounded(8, work);
        var second = PipelineChannel<int>.Unbounded(work);
        var handled = new List<int>();
        using var cts = new CancellationTokenSource();

        var stage1 = Task.Run(async () =>
        {
            await foreach (var m in first.ReadAllAsync(cts.Token))
                await second.WriteAsync(m * 10, cts.Token);
        });
        var gate = new TaskCompletionSource();
        var stage2 = Task.Run(async () =>
        {
            await foreach (var m in second.ReadAllAsync(cts.Token))
            {
                await gate.Task;
                handled.Add(m);
            }
        });

        await first.WriteAsync(1, CancellationToken.None);
        var idle = work.WhenIdleAsync(CancellationToken.None);
        await Task.Yield();
        Assert.False(idle.IsCompleted, "the second stage cannot have handled 10 before the gate opens");
        gate.SetResult();
        await idle;
        Assert.Equal([10], handled);
        Assert.Equal(0, work.Pending);

        first.Complete();
        await stage1;
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stage2);
    }

    [Fact]
    public void Completing_more_than_was_written_is_a_bug_that_throws()
    {
        var work = new PipelineWork();
        work.Add();
        work.Done();
        Assert.Throws<InvalidOperationException>(work.Done);
    }

    [Fact]
    public void An_idle_pipeline_is_idle_at_once() => Assert.True(new PipelineWork().WhenIdleAsync(CancellationToken.None).IsCompleted);
}
