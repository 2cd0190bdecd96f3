using System.Diagnostics;
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
        var folder = Directory.CreateTempSubdirectory("goldbot-sighup-").FullName;
        var logs = Path.Combine(folder, "logs");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = SharedData.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "goldbot.dll"), "--speed", "1", "--bars", SharedData.MgcBars,
                     "--config", Path.Combine(SharedData.RepoRoot, "config", "appsettings.json")])
            start.ArgumentList.Add(argument);
        start.Environment["GOLDBOT__Monitoring__LogDirectory"] = logs;
        start.Environment["GOLDBOT__Controls__Directory"] = folder;
        using var daemon = Process.Start(start)!;
        var output = daemon.StandardOutput.ReadToEndAsync();
        var errors = daemon.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            // The SIGHUP handler is in place before the status writer's first write.
            var status = Path.Combine(logs, "status.json");
            while (!File.Exists(status))
                await Task.Delay(50, patience.Token);

            using (var hangUp = Process.Start("/bin/sh", ["-c", $"kill -HUP {daemon.Id}"]))
                await hangUp.WaitForExitAsync(patience.Token);
            await daemon.WaitForExitAsync(patience.Token);
        }
        finally
        {
            if (!daemon.HasExited)
                daemon.Kill(entireProcessTree: true);
        }

        Assert.True(daemon.ExitCode == 1, $"exit {daemon.ExitCode} (129: ended by the signal itself): {await errors}{await output}");
        Assert.Contains("SIGHUP: stopping as for SIGTERM", await File.ReadAllTextAsync(Directory.GetFiles(logs, "goldbot-*.log").Single()), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(logs, "status.json")));
        Assert.False(document.RootElement.GetProperty("is_alive").GetBoolean());
    }
}
