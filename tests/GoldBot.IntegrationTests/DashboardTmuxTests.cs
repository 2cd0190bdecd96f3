using System.Diagnostics;

namespace GoldBot.IntegrationTests;

/// <summary>
/// Issue 14 §1: <c>goldbot dashboard</c> and <c>goldbot status</c> run as a user would, in a real terminal (tmux, 80×24), read
/// back from the pane: the dashboard fits, says what matters, follows status.json as it changes, and quits on <c>q</c>; status
/// prints its screen and exits with its verdict's code. Waits are for what the pane
/// shows (polled), never for a time; the deadline only bounds a failure.
/// </summary>
public sealed class DashboardTmuxTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-dashboard-").FullName;
    private readonly string _socket = $"goldbot-test-{Guid.NewGuid():N}";

    [Fact]
    public async Task The_dashboard_fits_80_by_24_follows_status_json_and_quits_on_q()
    {
        var config = await ConfigWithStatusAsync();

        Assert.Equal(0, (await StartAsync($"dashboard --config '{config}'")).Code);

        var pane = await PaneAsync(p => p.Contains("account 50120.50 USD", StringComparison.Ordinal));
        var lines = pane.Split('\n');
        Assert.True(lines.Length <= 24, pane);
        Assert.All(lines, line => Assert.True(line.Length <= 80, line));
        Assert.StartsWith("┌", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("└", StringComparison.Ordinal));
        Assert.Contains("position long 2 at 4200.1, stop 4195.0, target 4215.0, open P&L +35.00", pane, StringComparison.Ordinal);
        Assert.Contains("orders: stop sell 2 at 4195.0", pane, StringComparison.Ordinal);
        Assert.Contains("daily loss   [##################--]   920.50 USD left of 1000", pane, StringComparison.Ordinal);

        await WriteStatusAsync(50_300m);
        await PaneAsync(p => p.Contains("account 50300.00 USD", StringComparison.Ordinal));

        await TmuxAsync("send-keys", "-t", "dash", "q");
        var watch = Stopwatch.StartNew();
        while ((await TmuxAsync("has-session", "-t", "dash")).Code == 0)
        {
            Assert.True(watch.Elapsed < Deadline, "the dashboard did not quit on q");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Status_in_a_terminal_prints_its_screen_and_exits_with_its_verdict()
    {
        var config = await ConfigWithStatusAsync();

        Assert.Equal(0, (await StartAsync($"status --config '{config}'; echo exit=$?; sleep 600")).Code);

        var pane = await PaneAsync(p => p.Contains("exit=", StringComparison.Ordinal));
        var lines = pane.Split('\n');
        Assert.Equal("DEAD: the daemon has stopped (is_alive false)", lines[0]);
        Assert.Contains("account 50120.50 USD, day P&L +120.50, 2 trades today", lines);
        Assert.Contains("exit=2", lines);
    }

    /// <summary>A configuration whose logs folder holds a status.json (balance 50,120.50 USD); its path.</summary>
    private async Task<string> ConfigWithStatusAsync()
    {
        var config = Path.Combine(_folder, "appsettings.json");
        await File.WriteAllTextAsync(config, $$"""{ "Monitoring": { "LogDirectory": "{{_folder.Replace("\\", "/", StringComparison.Ordinal)}}/logs" } }""");
        Directory.CreateDirectory(Path.Combine(_folder, "logs"));
        await WriteStatusAsync(50_120.5m);
        return config;
    }

    private Task WriteStatusAsync(decimal balance)
    {
        var path = Path.Combine(_folder, "logs", "status.json");
        var text = $$"""
            { "timestamp": "2025-12-02T16:00:00+00:00", "is_alive": false, "mode": "sim", "symbol": "MGC", "last_bar_time": "2025-12-02T16:00:00+00:00",
              "account": { "balance": {{balance}}, "daily_pnl": 120.5, "open_positions": 1, "daily_trades": 2 },
              "risk": { "can_trade": false, "blocked_by": "a position is already open", "daily_loss_remaining": 920.5, "max_loss_floor": 48000, "daily_loss_limit": 1000, "max_loss_limit": 2000 },
              "active_positions": [ { "symbol": "MGC", "side": "long", "quantity": 2, "entry": 4200.1, "unrealized_pnl": 35.0, "stop": 4195.0, "target": 4215.0 } ],
              "working_orders": [ { "id": 17, "tag": "gb1-3-stop", "side": "sell", "type": "stop", "quantity": 2, "limit_price": null, "stop_price": 4195.0 } ],
              "protection": { "state": "protected" }, "feed": { "state": "ok" }, "heartbeat": "2025-12-02T16:00:00+00:00" }
            """;
        // Replaced whole, as the daemon does, so the dashboard never reads half a file.
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
        return Task.CompletedTask;
    }

    /// <summary>The pane's text once <paramref name="shows"/> holds for it.</summary>
    private async Task<string> PaneAsync(Func<string, bool> shows)
    {
        var watch = Stopwatch.StartNew();
        var text = "";
        while (watch.Elapsed < Deadline)
        {
            (_, text) = await TmuxAsync("capture-pane", "-p", "-t", "dash");
            if (shows(text))
                return text.TrimEnd('\n');
            await Task.Delay(100);
        }
        Assert.Fail($"the pane never showed what was expected; it shows:\n{text}");
        return text;
    }

    /// <summary>Starts the built goldbot with <paramref name="arguments"/> (a shell command tail) in an 80×24 tmux session named dash.</summary>
    private Task<(int Code, string Output)> StartAsync(string arguments) =>
        TmuxAsync("new-session", "-d", "-s", "dash", "-x", "80", "-y", "24", $"dotnet '{Path.Combine(AppContext.BaseDirectory, "goldbot.dll")}' {arguments}");

    private async Task<(int Code, string Output)> TmuxAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-L", _socket, .. arguments])
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("tmux is needed for the dashboard test (.ci/run installs it with apt)", e);
        }
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
    }

    public void Dispose()
    {
        TmuxAsync("kill-server").GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }
}
