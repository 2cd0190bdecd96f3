using System.Text.Json;
using GoldBot.Alerts;
using GoldBot.Controls;
using GoldBot.Monitoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;

namespace GoldBot.Tests.Alerts;

/// <summary>Telegram commands against a real local Bot API stand-in: the allow-list, the stop's confirmation on a fake clock, the control files written, each answer.</summary>
public sealed class TelegramCommandsTests : IAsyncLifetime
{
    private const long Stranger = 666;
    private CaptureServer _server = null!;
    private AlertHttp _http = null!;
    private DirectoryInfo _folder = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger _log = new();
    private ControlLog _controlLog = null!;
    private TelegramCommands _commands = null!;

    public async Task InitializeAsync()
    {
        _server = await CaptureServer.StartAsync();
        _server.Respond = r => Task.FromResult((200, r.Path.EndsWith("/getUpdates", StringComparison.Ordinal) ? Updates : AlertChannelTests.SentMessage));
        _http = new AlertHttp(AlertTestSettings.WebhookOn(), TimeProvider.System);
        _folder = Directory.CreateTempSubdirectory("goldbot-telegram-");
        _controlLog = new ControlLog(Path.Combine(_folder.FullName, "logs"), _time, new WriteFailures(_time, NullLogger.Instance));
        var bot = new TelegramBotClient(new TelegramBotClientOptions(AlertChannelTests.Token, _server.BaseUrl.ToString()), _http.CreateClient());
        _commands = new TelegramCommands(bot, AlertChannelTests.ChatId, _folder.FullName, _controlLog, new MonitoringState(), _time, _log);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    /// <summary>What getUpdates answers: a stranger's /flatten, then the allow-listed chat's /pause.</summary>
    private string Updates { get; set; } = """{"ok":true,"result":[]}""";

    private bool Exists(string file) => File.Exists(Path.Combine(_folder.FullName, file));

    private async Task<string> ReplyAsync(string text)
    {
        await _commands.HandleAsync(AlertChannelTests.ChatId, text, CancellationToken.None);
        var sent = JsonDocument.Parse((await _server.NextAsync()).Body).RootElement;
        Assert.Equal(AlertChannelTests.ChatId, sent.GetProperty("chat_id").GetInt64());
        return sent.GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task Only_the_allow_listed_chat_is_obeyed_and_answered()
    {
        Updates = $$$"""
            {"ok":true,"result":[
              {"update_id":10,"message":{"message_id":1,"date":1764601200,"chat":{"id":{{{Stranger}}},"type":"private"},"text":"/flatten"}},
              {"update_id":11,"message":{"message_id":2,"date":1764601201,"chat":{"id":{{{AlertChannelTests.ChatId}}},"type":"private"},"text":"/pause"}}]}
            """;
        Assert.Equal(2, await _commands.PollAsync(0, CancellationToken.None));

        Assert.False(Exists(ControlFiles.FlattenAll));
        Assert.True(Exists(ControlFiles.PauseTrading));
        var requests = _server.Received.Select(r => r.Path.Split('/')[^1]).ToList();
        Assert.Equal(["getUpdates", "sendMessage"], requests); // one answer, to the allow-listed chat only
        Assert.StartsWith("Pause: PAUSE_TRADING.txt written", JsonDocument.Parse(_server.Received[1].Body).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(_log.Collector.GetSnapshot(), l => l.Message.Contains($"chat {Stranger} ignored", StringComparison.Ordinal));

        // The next poll confirms what was read (offset past the last update).
        Updates = """{"ok":true,"result":[]}""";
        await _commands.PollAsync(0, CancellationToken.None);
        Assert.Equal(12, JsonDocument.Parse(_server.Received[^1].Body).RootElement.GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task Stop_needs_a_confirmation_within_60_seconds()
    {
        Assert.StartsWith("No /stop to confirm", await ReplyAsync("/stop confirm"), StringComparison.Ordinal);
        Assert.StartsWith("Emergency stop: send /stop confirm within 60 s", await ReplyAsync("/stop"), StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.StartsWith("No /stop to confirm", await ReplyAsync("/stop confirm"), StringComparison.Ordinal);
        Assert.False(Exists(ControlFiles.EmergencyStop));

        await ReplyAsync("/stop");
        _time.Advance(TimeSpan.FromSeconds(30));
        await ReplyAsync("/status"); // another command in between cancels the pending stop
        Assert.StartsWith("No /stop to confirm", await ReplyAsync("/stop confirm"), StringComparison.Ordinal);

        await ReplyAsync("/stop");
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.StartsWith("EMERGENCY STOP: EMERGENCY_STOP.txt written", await ReplyAsync("/stop confirm"), StringComparison.Ordinal);
        Assert.True(Exists(ControlFiles.EmergencyStop));
    }

    [Fact]
    public async Task Pause_resume_flatten_and_status_mirror_the_control_files_and_are_answered()
    {
        Assert.StartsWith("Not paused", await ReplyAsync("/resume"), StringComparison.Ordinal);
        Assert.StartsWith("Pause: PAUSE_TRADING.txt written", await ReplyAsync("/pause@GoldBot"), StringComparison.Ordinal);
        Assert.StartsWith("Already paused", await ReplyAsync("/pause"), StringComparison.Ordinal);
        Assert.StartsWith("Resume: PAUSE_TRADING.txt removed", await ReplyAsync("/resume"), StringComparison.Ordinal);
        Assert.False(Exists(ControlFiles.PauseTrading));
        Assert.StartsWith("Flatten: FLATTEN_ALL.txt written", await ReplyAsync("/flatten"), StringComparison.Ordinal);
        Assert.True(Exists(ControlFiles.FlattenAll));
        Assert.StartsWith("GoldBot status\nposition: flat", await ReplyAsync("/status"), StringComparison.Ordinal);
        Assert.Equal(TelegramCommands.Help, await ReplyAsync("hello"));
    }

    [Fact]
    public async Task The_control_a_command_wrote_is_logged_with_the_chat_command_as_its_source()
    {
        await ReplyAsync("/flatten");
        var entry = _controlLog.Seen(new ControlCommand(ControlAction.FlattenAll, null, ControlFiles.FlattenAll));
        _controlLog.Acted(entry, "cancelling orders and flattening; trading continues");
        _controlLog.FlattenConfirmed(0, 0);
        var line = Assert.Single(File.ReadAllLines(Path.Combine(_folder.FullName, "logs", ControlLog.FileName)));
        Assert.Equal("2025-12-01T15:00:00Z | source=telegram /flatten | action=FlattenAll | cancelling orders and flattening; trading continues"
            + " | broker: flat: 0 contracts, 0 working orders at 2025-12-01T15:00:00Z", line);
    }
}
