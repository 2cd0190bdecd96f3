using System.Text.Json;
using GoldBot.Tests;

namespace GoldBot.IntegrationTests;

/// <summary>
/// SIGHUP (the terminal that started the daemon closed) is a clean shutdown (issue 11): the real daemon, a child process
/// replaying at real-time speed, gets the signal and stops through its host, writing <c>is_alive: false</c>, instead of
/// being ended by the runtime's default action. A process of its own: a signal reaches every daemon in a process.
/// </summary>
public sealed class HangUpSignalTests
{
    [Fact]
    public async Task SIGHUP_stops_the_daemon_cleanly_and_the_status_file_says_so()
    {
        using var daemon = DaemonProcess.Start(Directory.CreateTempSubdirectory("goldbot-sighup-").FullName, ["--speed", "1", "--bars", SharedData.MgcBars]);
        var status = Path.Combine(daemon.Logs, "status.json");
        // The SIGHUP handler is in place before the status writer's first write.
        await daemon.WaitUntilAsync("status.json is written", () => Task.FromResult(File.Exists(status)));

        await daemon.SignalAndWaitAsync("HUP");

        Assert.True(daemon.ExitCode == 1, $"exit {daemon.ExitCode} (129: ended by the signal itself): {await daemon.OutputAsync()}");
        Assert.Contains("SIGHUP: stopping as for SIGTERM", daemon.Log, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(status));
        Assert.False(document.RootElement.GetProperty("is_alive").GetBoolean());
    }
}
