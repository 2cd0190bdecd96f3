using GoldBot.Risk;
using GoldBot.State;
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
}
