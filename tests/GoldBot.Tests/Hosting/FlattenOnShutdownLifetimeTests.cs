using GoldBot.Controls;
using GoldBot.Hosting;
using GoldBot.Pipeline;
using GoldBot.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.Tests.Hosting;

/// <summary>The first stop signal asks the risk manager to flatten and stop; a second one, or the deadline, stops at once.</summary>
public sealed class FlattenOnShutdownLifetimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly PipelineChannels _channels = new(new PipelineWork());
    private readonly Application _application = new();
    private readonly ReplayClock _wall = new(Start);
    private readonly FlattenOnShutdownLifetime _lifetime;

    public FlattenOnShutdownLifetimeTests()
    {
        _wall.AdvanceTo(Start);
        _lifetime = new FlattenOnShutdownLifetime(_application, _channels, TimeSpan.FromSeconds(30), _wall, NullLogger<FlattenOnShutdownLifetime>.Instance);
    }

    [Fact]
    public async Task The_first_signal_asks_for_a_shutdown_flatten_and_does_not_stop_the_host()
    {
        _lifetime.Request("SIGTERM");

        Assert.Equal(1, _channels.Work.Pending);
        await using var inputs = _channels.Risk.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await inputs.MoveNextAsync());
        Assert.Equal(new ControlCommand(ControlAction.Shutdown, null, "SIGTERM"), Assert.IsType<ControlReceived>(inputs.Current).Command);
        Assert.Equal(0, _application.Stops);
    }

    [Fact]
    public void A_second_signal_stops_at_once()
    {
        _lifetime.Request("SIGINT");
        _lifetime.Request("SIGINT");

        Assert.Equal(1, _application.Stops);
        Assert.Equal(1, _channels.Work.Pending); // one shutdown asked for, not two
    }

    [Fact]
    public void Without_a_flat_account_by_the_deadline_the_host_stops_anyway()
    {
        _lifetime.Request("SIGTERM");

        _wall.AdvanceTo(Start.AddSeconds(29.9));
        Assert.Equal(0, _application.Stops);
        _wall.AdvanceTo(Start.AddSeconds(30));
        Assert.Equal(1, _application.Stops);
    }

    [Fact]
    public async Task Under_systemd_it_reports_ready_once_the_host_has_started_and_stopping_when_it_stops()
    {
        var systemd = new Notifier();
        using var lifetime = new FlattenOnShutdownLifetime(_application, _channels, TimeSpan.FromSeconds(30), _wall, NullLogger<FlattenOnShutdownLifetime>.Instance, systemd);
        await lifetime.WaitForStartAsync(CancellationToken.None);
        Assert.Empty(systemd.States);

        await _application.Started.CancelAsync();
        Assert.Equal(["READY=1"], systemd.States);
        await _application.Stopping.CancelAsync();
        Assert.Equal(["READY=1", "STOPPING=1"], systemd.States);
    }

    private sealed class Notifier : ISystemdNotifier
    {
        public List<string> States { get; } = [];

        public bool IsEnabled => true;

        public void Notify(ServiceState state) => States.Add(state.ToString());
    }

    private sealed class Application : IHostApplicationLifetime
    {
        public int Stops { get; private set; }

        public CancellationTokenSource Started { get; } = new();

        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stops++;
    }
}
