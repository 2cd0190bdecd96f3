using GoldBot.Execution;
using GoldBot.Hosting;
using GoldBot.Monitoring;
using GoldBot.Risk;
using GoldBot.State;
using GoldBot.Time;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.Tests.Hosting;

public sealed class OpenTradePersistenceTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2025, 12, 10, 15, 0, 1, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-persistence-").FullName;

    private string DbPath => Path.Combine(_folder, "account-7.db");

    private static BookedFill Fill(long id, string role) =>
        new(new BrokerFill(id, 55, "gb1-20251210-1500-1", OrderSide.Sell, 1, 4203.4m, 0.62m, At.AddSeconds(id)), "gb1-20251210-1500-1", role);

    /// <summary>
    /// The store's disk, as a switch: a trigger refuses every fill while account 999's risk state says "disk full" (the store
    /// holds its database exclusively, so the switch goes through the store itself).
    /// </summary>
    private static void Disk(StateStore store, bool full) =>
        store.SaveRisk(999, new RiskState(new DateOnly(2025, 12, 10), 1m, 1m, 1m, 1m, 0, 0, 0, full ? "disk full" : null, null));

    [Fact]
    public async Task Fills_a_refused_write_did_not_record_are_kept_and_recorded_with_the_next_ones()
    {
        var clock = new ReplayClock(At);
        StateStore.Open(DbPath, clock).Dispose();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString()))
        {
            connection.Open();
            using var trigger = connection.CreateCommand();
            trigger.CommandText = """
                CREATE TRIGGER disk_full BEFORE INSERT ON fill
                WHEN EXISTS (SELECT 1 FROM risk_state WHERE account_id = 999 AND halted_today = 'disk full')
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
                """;
            trigger.ExecuteNonQuery();
        }
        var writes = new WriteFailures(clock, NullLogger.Instance);
        using var store = StateStore.Open(DbPath, clock);
        await using (var writer = new StateWriter(NullLogger.Instance))
        {
            var persistence = new OpenTradePersistence(store, writer, 7, writes);
            Disk(store, full: true);
            persistence.RecordFills([Fill(1, "entry")]);
            await writer.PostAsync("after the fills", () => { });
            Assert.True(Assert.Single(writes.Status()).Failing);
            Assert.Empty(store.FillsOf(7, "gb1-20251210-1500-1"));

            Disk(store, full: false);
            persistence.RecordFills([Fill(2, "stop")]);
            await writer.PostAsync("after the fills", () => { });
        }

        Assert.Equal([Fill(1, "entry"), Fill(2, "stop")], store.FillsOf(7, "gb1-20251210-1500-1"));
        Assert.False(Assert.Single(writes.Status()).Failing);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
