using System.Globalization;
using GoldBot.Controls;
using GoldBot.Monitoring;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace GoldBot.Alerts;

/// <summary>
/// Telegram commands from the one allow-listed chat (<c>GOLDBOT_TELEGRAM_CHAT_ID</c>) that mirror the control files, through
/// the same files the watcher reads (one control path): <c>/status</c> (a summary of status.json's sources),
/// <c>/pause</c> (writes <c>PAUSE_TRADING.txt</c>), <c>/resume</c> (removes it), <c>/flatten</c> (writes <c>FLATTEN_ALL.txt</c>)
/// and <c>/stop</c>, which needs <c>/stop confirm</c> within <see cref="ConfirmWithin"/> (of market time) to write
/// <c>EMERGENCY_STOP.txt</c>. Each is answered in the chat; the control's line in controls.log names the chat command as
/// its source. Messages from any other chat are ignored without an answer (logged once per chat). Not thread-safe (one poller).
/// </summary>
public sealed class TelegramCommands(ITelegramBotClient bot, long chatId, string controlsDirectory, ControlLog controlLog, MonitoringState monitoring,
    TimeProvider time, ILogger logger)
{
    /// <summary>How long a <c>/stop</c> waits for its <c>/stop confirm</c>.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(60);

    /// <summary>The answer to a message that is not a command.</summary>
    public const string Help = "Commands: /status, /pause, /resume, /flatten, /stop (then /stop confirm within 60 s)";

    private readonly HashSet<long> _ignored = [];
    private int? _offset;
    private DateTimeOffset? _stopAsked;

    /// <summary>Skips the messages sent while the daemon was not running (a stale /flatten must not act now); returns how many.</summary>
    public async Task<int> SkipOldAsync(CancellationToken cancellationToken)
    {
        // Offset -1 returns only the latest update; confirming past it drops every older one (Bot API getUpdates).
        var latest = await bot.GetUpdates(-1, 1, 0, [UpdateType.Message], cancellationToken);
        if (latest.Length == 0)
            return 0;
        _offset = latest[^1].Id + 1;
        return 1;
    }

    /// <summary>Fetches the new messages (waiting up to <paramref name="waitSeconds"/> for one) and answers each; returns how many came.</summary>
    public async Task<int> PollAsync(int waitSeconds, CancellationToken cancellationToken)
    {
        var updates = await bot.GetUpdates(_offset, 100, waitSeconds, [UpdateType.Message], cancellationToken);
        foreach (var update in updates)
        {
            _offset = update.Id + 1;
            if (update.Message is { Text: { } text } message)
                await HandleAsync(message.Chat.Id, text, cancellationToken);
        }
        return updates.Length;
    }

    /// <summary>Acts on <paramref name="text"/> from <paramref name="chat"/> and answers it there, if it is the allow-listed chat.</summary>
    public async Task HandleAsync(long chat, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (chat != chatId)
        {
            if (_ignored.Add(chat))
                logger.LogWarning("Telegram message from chat {Chat} ignored: only the chat in GOLDBOT_TELEGRAM_CHAT_ID may send commands", chat);
            return;
        }
        await bot.SendMessage(chatId, Execute(text), cancellationToken: cancellationToken);
    }

    /// <summary>Runs one command from the allow-listed chat and returns the answer.</summary>
    public string Execute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // In a group a command may name the bot: /pause@GoldBot.
        var command = words.Length == 0 ? "" : words[0].Split('@')[0].ToLowerInvariant();
        var argument = words.Length > 1 ? words[1].ToLowerInvariant() : null;
        if (command != "/stop")
            _stopAsked = null;
        return command switch
        {
            "/status" => Status(monitoring.Snapshot()),
            "/pause" => File.Exists(PathOf(ControlFiles.PauseTrading)) ? "Already paused: PAUSE_TRADING.txt exists (/resume removes it)"
                : Write(ControlFiles.PauseTrading, "/pause", "Pause: PAUSE_TRADING.txt written; new entries are blocked once the daemon reads it (within a second); open positions keep their stop and targets"),
            "/resume" => Resume(),
            "/flatten" => Write(ControlFiles.FlattenAll, "/flatten", "Flatten: FLATTEN_ALL.txt written; orders are cancelled and the position closed, then trading goes on (controls.log shows the broker's confirmation)"),
            "/stop" when argument == "confirm" => Confirm(),
            "/stop" => Ask(),
            _ => Help,
        };
    }

    private string Ask()
    {
        _stopAsked = time.GetUtcNow();
        return "Emergency stop: send /stop confirm within 60 s to cancel every order, flatten and stop the daemon (EMERGENCY_STOP.txt stays until you remove it)";
    }

    private string Confirm()
    {
        var asked = _stopAsked;
        _stopAsked = null;
        if (asked is not { } at || time.GetUtcNow() - at > ConfirmWithin)
            return "No /stop to confirm in the last 60 s: send /stop first";
        return Write(ControlFiles.EmergencyStop, "/stop confirm", "EMERGENCY STOP: EMERGENCY_STOP.txt written; every order is cancelled, the position flattened and the daemon stops once flat");
    }

    private string Resume()
    {
        if (!File.Exists(PathOf(ControlFiles.PauseTrading)))
            return "Not paused: there is no PAUSE_TRADING.txt";
        try
        {
            controlLog.Requested(ControlFiles.PauseTrading, "telegram /resume");
            File.Delete(PathOf(ControlFiles.PauseTrading));
            return "Resume: PAUSE_TRADING.txt removed; new entries are allowed once the daemon reads it (within a second)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Telegram /resume: PAUSE_TRADING.txt cannot be removed ({Message})", e.Message);
            return $"Resume failed: PAUSE_TRADING.txt cannot be removed ({e.Message})";
        }
    }

    /// <summary>Writes the control file (its content says who asked) and returns <paramref name="done"/>, or why it could not.</summary>
    private string Write(string file, string command, string done)
    {
        try
        {
            controlLog.Requested(file, "telegram " + command);
            File.WriteAllText(PathOf(file), string.Create(CultureInfo.InvariantCulture, $"telegram {command} at {time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}\n"));
            return done;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Telegram {Command}: {File} cannot be written ({Message})", command, file, e.Message);
            return $"{command} failed: {file} cannot be written ({e.Message}); drop the file by hand";
        }
    }

    /// <summary>The <c>/status</c> answer: position, the day, the limits, whether entries are allowed, protection and the last bar.</summary>
    public static string Status(MonitoringSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var lines = new List<string> { "GoldBot status" };
        lines.Add(snapshot.Position is { Position: not 0 } p
            ? FormattableString.Invariant($"position: {(p.Position > 0 ? "long" : "short")} {Math.Abs(p.Position)} at {p.AveragePrice}, stop {(snapshot.CurrentStop is { } stop ? stop.ToString(CultureInfo.InvariantCulture) : "NONE")}, open P&L {snapshot.OpenPnL:+0.00;-0.00;0.00} USD")
            : "position: flat");
        if (snapshot.Risk is { } risk)
        {
            lines.Add(FormattableString.Invariant($"day {risk.TradingDay:yyyy-MM-dd}: P&L {risk.DailyPnL:+0.00;-0.00;0.00} USD, {risk.DailyTrades} trades, daily loss headroom {risk.DailyLossRemaining:0.00}"));
            lines.Add(FormattableString.Invariant($"balance {risk.Balance:0.00}, loss floor {risk.MaxLossFloor:0.00} ({risk.Balance + snapshot.OpenPnL - risk.MaxLossFloor:0.00} above)"));
            lines.Add(risk.CanTrade ? "entries: allowed" : $"entries: blocked ({risk.BlockedBy})");
        }
        if (snapshot.Protection is { } protection)
            lines.Add($"protection: {protection.State}");
        if (snapshot.LastBarTime is { } bar)
            lines.Add(FormattableString.Invariant($"last bar closed {bar:yyyy-MM-dd HH:mm} UTC"));
        return string.Join("\n", lines);
    }

    private string PathOf(string file) => Path.Combine(controlsDirectory, file);
}
