using Telegram.Bot;

namespace GoldBot.Alerts;

/// <summary>Alerts as plain-text messages from a Telegram bot to one chat (Bot API <c>sendMessage</c>).</summary>
/// <param name="bot">The bot client (on the alerts' resilient HTTP client).</param>
/// <param name="chatId">The chat's numeric id (<c>GOLDBOT_TELEGRAM_CHAT_ID</c>).</param>
public sealed class TelegramAlertChannel(ITelegramBotClient bot, long chatId) : IAlertChannel
{
    /// <summary>Longest message the Bot API takes, characters.</summary>
    public const int MaxMessageLength = 4_096;

    /// <inheritdoc/>
    public string Name => "Telegram";

    /// <inheritdoc/>
    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var text = alert.Render();
        await bot.SendMessage(chatId, text.Length <= MaxMessageLength ? text : text[..(MaxMessageLength - 1)] + "…", cancellationToken: cancellationToken);
    }
}
