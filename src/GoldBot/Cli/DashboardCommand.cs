using System.CommandLine;
using System.Globalization;
using GoldBot.Market;
using GoldBot.Monitoring;
using Spectre.Console;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot dashboard</c> (issue 14 §1): <see cref="StatusScreen"/> live, redrawn every second in a Spectre.Console live
/// display from the monitoring files (read-only: it can watch a daemon in another terminal, or files shipped from one).
/// The screen fits the terminal: lines are cut to its width, and the last signals and today's trades get the rows left over
/// (an 80×24 terminal shows every other line and a few of each). Ends with Ctrl+C or <c>q</c>; the exit code is then the last
/// verdict's (0 healthy, 1 degraded, 2 dead).
/// </summary>
internal static class DashboardCommand
{
    /// <summary>Time between redraws, wall clock.</summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Configuration file (default: config/appsettings.json)." };
        var command = new Command("dashboard", "Watch the daemon live: the status screen, redrawn every second (q or Ctrl+C to quit).") { config };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(config), AnsiConsole.Console, TimeProvider.System, cancellationToken));
        return command;
    }

    /// <summary>Redraws on <paramref name="console"/> until cancelled or <c>q</c> is typed; returns the last verdict's exit code (2 for a bad configuration).</summary>
    internal static async Task<int> RunAsync(string? config, IAnsiConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await StatusCommand.FolderOf(config, Console.Error) is not { } folder)
            return 2;
        var code = 2;
        try
        {
            await console.Live(Render(folder, console, time, out code)).AutoClear(false).Overflow(VerticalOverflow.Crop).StartAsync(async live =>
            {
                using var timer = new PeriodicTimer(RefreshPeriod, time);
                while (!cancellationToken.IsCancellationRequested)
                {
                    live.UpdateTarget(Render(folder, console, time, out code));
                    live.Refresh();
                    if (QuitTyped())
                        break;
                    await timer.WaitForNextTickAsync(cancellationToken);
                }
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        return code;
    }

    /// <summary>The screen as a panel sized to the console, and its verdict's exit code.</summary>
    private static Panel Render(MonitoringFolder folder, IAnsiConsole console, TimeProvider time, out int code)
    {
        var now = time.GetUtcNow();
        var (height, width) = (Math.Max(console.Profile.Height, 12), Math.Max(console.Profile.Width, 40));
        // Border (2 rows) and the footer (1): what is left after the fixed lines goes to signals and trades, half each.
        (code, var lines) = StatusCommand.Screen(folder, now, fixedLines =>
        {
            var spare = Math.Max(0, height - 3 - fixedLines);
            return (spare / 2, spare - spare / 2);
        });
        var rows = lines.Select(line => Markup.Escape(Fit(line, width - 4))).ToList();
        rows[0] = $"[bold {code switch { 0 => "green", 1 => "yellow", _ => "red" }}]{rows[0]}[/]";
        var footer = string.Create(CultureInfo.InvariantCulture, $"{folder.Directory} · {CmeSession.ToExchangeTime(now):HH:mm:ss} CT · q quits");
        rows.Add($"[grey]{Markup.Escape(Fit(footer, width - 4))}[/]");
        return new Panel(new Markup(string.Join('\n', rows))) { Header = new PanelHeader(" GoldBot "), Expand = true };
    }

    private static string Fit(string line, int width) => line.Length <= width ? line : line[..(width - 1)] + "…";

    private static bool QuitTyped()
    {
        if (Console.IsInputRedirected)
            return false;
        while (Console.KeyAvailable)
            if (Console.ReadKey(intercept: true).KeyChar is 'q' or 'Q')
                return true;
        return false;
    }
}
