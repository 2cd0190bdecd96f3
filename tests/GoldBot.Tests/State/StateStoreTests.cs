using GoldBot.Execution;
using GoldBot.Risk;
using GoldBot.State;
using GoldBot.Tests.TestDoubles;
using Microsoft.Data.Sqlite;

namespace GoldBot.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private static readonly TimeProvider Clock = new GoldBot.Time.ReplayClock(new DateTimeOffset(2025, 12, 10, 15, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-state-").FullName;

    private string DbPath => Path.Combine(_folder, "account-7.db");

    [Fact]
    public void A_saved_risk_state_reads_back_exactly_after_the_store_is_reopened_and_per_account()
    {
        var state = new RiskState(new DateOnly(2025, 12, 10), 50_123.45m, 50_987.654m, 51_000.1m, 49_000.1m, 1, 3, 21, "halt: today", null);
        using (var store = StateStore.Open(DbPath, Clock))
        {
            Assert.Null(store.LoadRisk(7));
            store.SaveRisk(7, state with { TotalTrades = 1 });
            store.SaveRisk(7, state);
            store.SaveRisk(8, state with { HaltedForGood = "other account" });
        }
        using var reopened = StateStore.Open(DbPath, Clock);

        Assert.Equal(state, reopened.LoadRisk(7));
        Assert.Equal("other account", reopened.LoadRisk(8)!.HaltedForGood);
    }

    [Fact]
    public void The_store_is_a_wal_database_at_the_current_schema_version()
    {
        using (StateStore.Open(DbPath, Clock))
        {
        }
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();

        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)StateStore.SchemaVersion, Scalar(connection, "PRAGMA user_version;"));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_a_clear_error_and_is_left_untouched()
    {
        var garbage = "this is not a database, it is a note the operator wrote\n" + new string('x', 5000);
        File.WriteAllText(DbPath, garbage);

        var e = Assert.Throws<StateStoreException>(() => StateStore.Open(DbPath, Clock));

        Assert.Contains("not a readable SQLite database", e.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllText(DbPath));
    }

    [Fact]
    public void A_store_from_a_newer_goldbot_is_refused_not_reset()
    {
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            Execute(connection, $"CREATE TABLE future (x INTEGER); PRAGMA user_version = {StateStore.SchemaVersion + 1};");
        }

        var e = Assert.Throws<StateStoreException>(() => StateStore.Open(DbPath, Clock));

        Assert.Contains($"schema version {StateStore.SchemaVersion + 1}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_opener_of_the_same_store_is_refused_while_the_first_holds_it()
    {
        using var first = StateStore.Open(DbPath, Clock);

        var e = Assert.Throws<StateStoreException>(() => StateStore.Open(DbPath, Clock));

        Assert.Contains("in use by another process", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_money_value_is_a_clear_error()
    {
        using (var store = StateStore.Open(DbPath, Clock))
            store.SaveRisk(7, new RiskState(new DateOnly(2025, 12, 10), 1m, 1m, 1m, 1m, 0, 0, 0, null, null));
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "UPDATE risk_state SET max_loss_floor = 'lots';");
        }
        using var reopened = StateStore.Open(DbPath, Clock);

        Assert.Throws<StateStoreException>(() => reopened.LoadRisk(7));
    }

    [Fact]
    public void An_open_trade_reads_back_exactly_and_is_cleared_when_it_closes()
    {
        var plan = new TradePlan(Signals.Long(new DateTimeOffset(2025, 12, 10, 14, 45, 0, TimeSpan.Zero), 20), 4, 20,
            [new TargetLeg("tp1", 2, 20, 1m), new TargetLeg("tp2", 2, 40, 2m)], 92.96m, 250m);
        var trade = new GoldBot.Execution.OpenTradeState("gb1-20251210-1445-1", plan, false, 4, 2000.125m, new DateTimeOffset(2025, 12, 10, 14, 45, 1, TimeSpan.Zero),
            true, null, 1998.1m, true, true, 39.6m, 3.72m, [new GoldBot.Execution.TradeExit(new DateTimeOffset(2025, 12, 10, 14, 50, 0, TimeSpan.Zero), 2002.1m, 2, "tp1")]);
        using (var store = StateStore.Open(DbPath, Clock))
            store.SaveOpenTrade(7, trade);
        using var reopened = StateStore.Open(DbPath, Clock);

        var read = reopened.LoadOpenTrade(7)!;
        Assert.Equal(trade with { Exits = [], Plan = plan with { Targets = [] } }, read with { Exits = [], Plan = read.Plan with { Targets = [] } });
        Assert.Equal(plan.Targets, read.Plan.Targets);
        Assert.Equal(trade.Exits, read.Exits);
        Assert.Equal(2, read.OpenQuantity);
        Assert.Null(reopened.LoadOpenTrade(8));

        reopened.SaveOpenTrade(7, null);
        Assert.Null(reopened.LoadOpenTrade(7));
    }

    [Fact]
    public void An_unreadable_open_trade_is_a_clear_error()
    {
        using (StateStore.Open(DbPath, Clock))
        {
        }
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "INSERT INTO open_trade (account_id, trade_json, updated_at) VALUES (7, '{\"tag\": ', 'x');");
        }
        using var reopened = StateStore.Open(DbPath, Clock);

        Assert.Contains("the open trade of account 7 cannot be read", Assert.Throws<StateStoreException>(() => reopened.LoadOpenTrade(7)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_store_is_migrated_and_keeps_its_risk_state()
    {
        var state = new RiskState(new DateOnly(2025, 12, 10), 1m, 2m, 3m, 4m, 1, 2, 3, null, null);
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            Execute(connection, """
                CREATE TABLE risk_state (account_id INTEGER PRIMARY KEY, trading_day TEXT NOT NULL, balance TEXT NOT NULL, day_start_balance TEXT NOT NULL,
                    highest_end_of_day_balance TEXT NOT NULL, max_loss_floor TEXT NOT NULL, consecutive_losses INTEGER NOT NULL, daily_trades INTEGER NOT NULL,
                    total_trades INTEGER NOT NULL, halted_today TEXT, halted_for_good TEXT, updated_at TEXT NOT NULL);
                INSERT INTO risk_state VALUES (7, '2025-12-10', '1', '2', '3', '4', 1, 2, 3, NULL, NULL, 'x');
                PRAGMA user_version = 1;
                """);
        }
        using var store = StateStore.Open(DbPath, Clock);

        Assert.Equal(state, store.LoadRisk(7));
        Assert.Null(store.LoadOpenTrade(7));
        Assert.Empty(store.ClosedTrades(7, new DateOnly(2025, 12, 10)));
    }

    [Fact]
    public void A_closed_trade_is_recorded_with_its_journal_line_and_clears_the_open_trade_at_once_and_once()
    {
        var plan = new TradePlan(Signals.Long(new DateTimeOffset(2025, 12, 10, 14, 45, 0, TimeSpan.Zero), 20), 1, 20, [], 25m, 250m);
        var open = new GoldBot.Execution.OpenTradeState("gb1-20251210-1445-1", plan, false, 1, 2000m, new DateTimeOffset(2025, 12, 10, 14, 45, 1, TimeSpan.Zero),
            true, null, 1998m, false, true, 0m, 0.62m, []);
        using (var store = StateStore.Open(DbPath, Clock))
        {
            store.SaveOpenTrade(7, open);
            store.CloseTrade(7, "gb1-20251210-1000-9", new DateOnly(2025, 12, 10), "run-1", """{"id":"gb1-20251210-1000-9"}""");
            Assert.Equal(open.Tag, store.LoadOpenTrade(7)!.Tag); // another trade's close leaves the open one
            store.CloseTrade(7, open.Tag, new DateOnly(2025, 12, 10), "run-1", """{"id":"gb1-20251210-1445-1"}""");
            store.CloseTrade(7, open.Tag, new DateOnly(2025, 12, 10), "run-2", """{"id":"again"}"""); // a second record changes nothing
            store.CloseTrade(7, "gb1-20251209-1000-1", new DateOnly(2025, 12, 9), "run-0", """{"id":"gb1-20251209-1000-1"}""");
        }
        using var reopened = StateStore.Open(DbPath, Clock);

        Assert.Null(reopened.LoadOpenTrade(7));
        Assert.Equal([("gb1-20251210-1000-9", """{"id":"gb1-20251210-1000-9"}"""), (open.Tag, """{"id":"gb1-20251210-1445-1"}""")],
            reopened.ClosedTrades(7, new DateOnly(2025, 12, 10)));
        Assert.Equal(3, reopened.ClosedTrades(7, new DateOnly(2025, 12, 9)).Count);
        Assert.Empty(reopened.ClosedTrades(8, new DateOnly(2025, 12, 9)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
    [Fact]
    public void Fills_are_recorded_once_with_their_trade_order_tag_and_role_and_read_back_exactly()
    {
        var at = new DateTimeOffset(2025, 12, 10, 15, 0, 1, 250, TimeSpan.Zero);
        var entry = new BookedFill(new BrokerFill(901, 55, "gb1-20251210-1500-1", OrderSide.Sell, 2, 4203.4m, 1.24m, at), "gb1-20251210-1500-1", "entry");
        var stop = new BookedFill(new BrokerFill(902, 56, "gb1-20251210-1500-1-stop-2", OrderSide.Buy, 2, 4210.6m, 1.24m, at.AddMinutes(9)), "gb1-20251210-1500-1", "stop");
        var stray = new BookedFill(new BrokerFill(903, 57, "", OrderSide.Buy, 1, 4211m, 0.62m, at.AddMinutes(10)), null, "unknown");
        using (var store = StateStore.Open(DbPath, Clock))
        {
            store.RecordFills(7, [entry]);
            store.RecordFills(7, [entry with { Role = "changed" }, stop, stray]); // the entry again (a read after its event): kept once, as first recorded
        }
        using var reopened = StateStore.Open(DbPath, Clock);

        Assert.Equal([entry, stop], reopened.FillsOf(7, "gb1-20251210-1500-1"));
        Assert.Empty(reopened.FillsOf(8, "gb1-20251210-1500-1"));
    }
}

