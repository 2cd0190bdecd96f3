using System.CommandLine;
using System.Globalization;
using GoldBot.Configuration;
using GoldBot.Risk;
using GoldBot.State;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot risk show --account ID</c> prints the risk state saved for an account (the maximum-loss floor, the day's start
/// balance, halts, counters); <c>goldbot risk set-floor --account ID --floor USD</c> records the maximum-loss floor Topstep
/// shows, which the API does not report (issue 10 §2). Both work on the state store alone (<c>State:Directory</c>), never on
/// the gateway, and refuse while a daemon holds the store. Exit codes: 0 done, 2 bad input or a store that cannot be used.
/// </summary>
internal static class RiskCommand
{
    /// <summary>Builds <c>risk show</c> and <c>risk set-floor</c>.</summary>
    public static Command Create()
    {
        var command = new Command("risk", "Show or correct the risk state the daemon keeps per account (state/account-ID.db).");
        var showAccount = AccountOption();
        var showConfig = ConfigOption();
        var show = new Command("show", "Print the saved risk state of an account.") { showAccount, showConfig };
        show.SetAction(parse => ShowAsync(parse.GetValue(showAccount), parse.GetValue(showConfig), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        var setAccount = AccountOption();
        var setConfig = ConfigOption();
        var floor = new Option<decimal>("--floor") { Description = "The maximum-loss floor Topstep shows for the account, USD.", Required = true };
        var setFloor = new Command("set-floor", "Record the account's maximum-loss floor (the daemon must be stopped).") { setAccount, floor, setConfig };
        setFloor.SetAction(parse => SetFloorAsync(parse.GetValue(setAccount), parse.GetValue(floor), parse.GetValue(setConfig), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        command.Subcommands.Add(show);
        command.Subcommands.Add(setFloor);
        return command;
    }

    /// <summary>Runs <c>risk show</c>; returns the exit code.</summary>
    internal static Task<int> ShowAsync(long account, string? config, TextWriter stdout, TextWriter stderr) =>
        WithStoreAsync(account, config, stderr, async (store, _) =>
        {
            await stdout.WriteLineAsync(store.LoadRisk(account) is { } state ? Describe(state) : $"no risk state saved for account {account} in {store.Path}");
            return 0;
        }, missing: async path =>
        {
            // Showing creates nothing: no store, no state.
            await stdout.WriteLineAsync($"no risk state saved for account {account}: {Path.GetFullPath(path)} does not exist");
            return 0;
        });

    /// <summary>Runs <c>risk set-floor</c>; returns the exit code.</summary>
    internal static Task<int> SetFloorAsync(long account, decimal floor, string? config, TextWriter stdout, TextWriter stderr) =>
        WithStoreAsync(account, config, stderr, async (store, settings) =>
        {
            var saved = store.LoadRisk(account);
            RiskState state;
            try
            {
                state = RiskStateRecovery.WithKnownFloor(saved, floor, settings.Risk);
            }
            catch (ArgumentOutOfRangeException)
            {
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"error: --floor {floor}: a maximum-loss floor is above 0 and at most the starting balance {settings.Risk.StartingBalance} (Risk:StartingBalance)"));
                return 2;
            }
            store.SaveRisk(account, state);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"account {account}: maximum-loss floor set to {floor:0.00} USD in {store.Path}") +
                (saved?.HaltedForGood is { } halt ? $"; the halt \"{halt}\" is lifted" : ""));
            return 0;
        });

    private static async Task<int> WithStoreAsync(long account, string? config, TextWriter stderr, Func<StateStore, GoldBotSettings, Task<int>> action,
        Func<string, Task<int>>? missing = null)
    {
        GoldBotSettings settings;
        try
        {
            settings = SettingsLoader.Load(config, new Dictionary<string, string?>());
        }
        catch (SettingsException e)
        {
            await stderr.WriteLineAsync($"configuration error: {e.OneLine}");
            return 2;
        }
        var path = Path.Combine(settings.State.Directory, $"account-{account}.db");
        if (missing is not null && !File.Exists(path))
            return await missing(path);
        try
        {
            using var store = StateStore.Open(path, TimeProvider.System);
            return await action(store, settings);
        }
        catch (StateStoreException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
    }

    private static string Describe(RiskState s) => string.Create(CultureInfo.InvariantCulture,
        $"trading day {s.TradingDay:yyyy-MM-dd}: balance {s.Balance:0.00}, day start balance {s.DayStartBalance:0.00} (P&L {s.Balance - s.DayStartBalance:+0.00;-0.00;0.00}), " +
        $"highest end-of-day balance {s.HighestEndOfDayBalance:0.00}, maximum-loss floor {s.MaxLossFloor:0.00} USD; {s.ConsecutiveLosses} consecutive losses, " +
        $"{s.DailyTrades} trades today, {s.TotalTrades} in all; halted today: {s.HaltedToday ?? "no"}; halted for good: {s.HaltedForGood ?? "no"}");

    private static Option<long> AccountOption()
    {
        var account = new Option<long>("--account") { Description = "The TopstepX account id (goldbot accounts lists them).", Required = true };
        AccountIds.MustBePositive(account);
        return account;
    }

    private static Option<string?> ConfigOption() => new("--config") { Description = "Configuration file (default: config/appsettings.json)." };
}
