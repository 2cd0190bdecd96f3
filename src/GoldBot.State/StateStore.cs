using System.Globalization;
using System.Text.Json;
using GoldBot.Execution;
using GoldBot.Risk;
using Microsoft.Data.Sqlite;

namespace GoldBot.State;

/// <summary>
/// The daemon's durable state for one account (its risk state, its open trade, or the entry it is sending, its closed
/// trades, and every fill booked with its attribution): a SQLite database (WAL journal, <c>synchronous=FULL</c>, so a committed
/// write survives a kill -9 or a power cut) whose schema is versioned by <c>PRAGMA user_version</c> and migrated
/// forward at open. The connection is held exclusively (<c>locking_mode=EXCLUSIVE</c>, no pooling) for the store's
/// life, so a second process cannot write the same account's state. Money is stored as invariant decimal text (exact);
/// the open trade as JSON (its decimals exact). Thread-safe: the risk manager and the order executor stages both write.
/// </summary>
public sealed class StateStore : IDisposable
{
    /// <summary>The schema version this build writes; a store with a higher one is refused.</summary>
    public const int SchemaVersion = 4;

    // Migration i takes the schema from version i to i + 1. Append only: a released migration never changes.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE risk_state (
            account_id INTEGER PRIMARY KEY,
            trading_day TEXT NOT NULL,
            balance TEXT NOT NULL,
            day_start_balance TEXT NOT NULL,
            highest_end_of_day_balance TEXT NOT NULL,
            max_loss_floor TEXT NOT NULL,
            consecutive_losses INTEGER NOT NULL,
            daily_trades INTEGER NOT NULL,
            total_trades INTEGER NOT NULL,
            halted_today TEXT,
            halted_for_good TEXT,
            updated_at TEXT NOT NULL);
        """,
        """
        CREATE TABLE open_trade (
            account_id INTEGER PRIMARY KEY,
            trade_json TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        """,
        """
        CREATE TABLE closed_trade (
            account_id INTEGER NOT NULL,
            id TEXT NOT NULL,
            trading_day TEXT NOT NULL,
            run_id TEXT NOT NULL,
            journal_line TEXT NOT NULL,
            closed_at TEXT NOT NULL,
            PRIMARY KEY (account_id, id));
        """,
        """
        CREATE TABLE fill (
            account_id INTEGER NOT NULL,
            fill_id INTEGER NOT NULL,
            order_id INTEGER NOT NULL,
            order_tag TEXT NOT NULL,
            trade_id TEXT,
            role TEXT NOT NULL,
            side TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            price TEXT NOT NULL,
            commission TEXT NOT NULL,
            time TEXT NOT NULL,
            PRIMARY KEY (account_id, fill_id));
        CREATE INDEX fill_by_trade ON fill (account_id, trade_id);
        """,
    ];

    private static readonly JsonSerializerOptions TradeJson = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;

    private StateStore(string path, SqliteConnection connection, TimeProvider time) => (Path, _connection, _time) = (path, connection, time);

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/> and migrates it to <see cref="SchemaVersion"/>.</summary>
    /// <param name="time">Stamps <c>updated_at</c> (UTC).</param>
    /// <exception cref="StateStoreException">The file is not a SQLite database or is corrupt, has a newer schema, or another process holds it.</exception>
    public static StateStore Open(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, DefaultTimeout = 1 }.ToString());
        try
        {
            connection.Open();
            // Exclusive first: the journal-mode change below takes the lock and keeps it until the connection closes.
            Execute(connection, "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            if (Scalar(connection, "PRAGMA quick_check;") is var check && !"ok".Equals(check as string, StringComparison.Ordinal))
                throw new StateStoreException($"state store {full} is corrupt ({check}): move it away to start without it, or restore a backup");
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
            if (version > SchemaVersion)
                throw new StateStoreException($"state store {full} has schema version {version}, newer than this GoldBot's {SchemaVersion}: run the GoldBot that wrote it");
            for (var v = version; v < SchemaVersion; v++)
            {
                using var migration = connection.BeginTransaction();
                Execute(connection, Migrations[v] + $"PRAGMA user_version = {v + 1};", migration);
                migration.Commit();
            }
            return new StateStore(full, connection, time);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StateStoreException(e.SqliteErrorCode switch
            {
                5 or 6 => $"state store {full} is in use by another process (SQLite: {e.Message})",
                11 or 26 => $"state store {full} is not a readable SQLite database ({e.Message}): move it away to start without it, or restore a backup",
                _ => $"state store {full} cannot be opened: {e.Message}",
            }, e);
        }
        catch (StateStoreException)
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The saved risk state of <paramref name="accountId"/>, or null when none was saved.</summary>
    /// <exception cref="StateStoreException">A saved value cannot be read.</exception>
    public RiskState? LoadRisk(long accountId)
    {
        using var scope = _gate.EnterScope();
        using var command = Command("""
            SELECT trading_day, balance, day_start_balance, highest_end_of_day_balance, max_loss_floor,
                   consecutive_losses, daily_trades, total_trades, halted_today, halted_for_good
            FROM risk_state WHERE account_id = $account
            """, ("$account", accountId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        try
        {
            return new RiskState(DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), Money(reader, 1), Money(reader, 2),
                Money(reader, 3), Money(reader, 4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9));
        }
        catch (FormatException e)
        {
            throw new StateStoreException($"state store {Path}: the risk state of account {accountId} cannot be read ({e.Message})", e);
        }
    }

    /// <summary>Saves <paramref name="state"/> as <paramref name="accountId"/>'s risk state (one committed transaction).</summary>
    /// <exception cref="SqliteException">The write failed (a full or failing disk).</exception>
    public void SaveRisk(long accountId, RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var scope = _gate.EnterScope();
        using var command = Command("""
            INSERT INTO risk_state (account_id, trading_day, balance, day_start_balance, highest_end_of_day_balance, max_loss_floor,
                consecutive_losses, daily_trades, total_trades, halted_today, halted_for_good, updated_at)
            VALUES ($account, $day, $balance, $dayStart, $highest, $floor, $losses, $daily, $total, $haltedToday, $haltedForGood, $updated)
            ON CONFLICT (account_id) DO UPDATE SET
                trading_day = excluded.trading_day, balance = excluded.balance, day_start_balance = excluded.day_start_balance,
                highest_end_of_day_balance = excluded.highest_end_of_day_balance, max_loss_floor = excluded.max_loss_floor,
                consecutive_losses = excluded.consecutive_losses, daily_trades = excluded.daily_trades, total_trades = excluded.total_trades,
                halted_today = excluded.halted_today, halted_for_good = excluded.halted_for_good, updated_at = excluded.updated_at
            """,
            ("$account", accountId), ("$day", state.TradingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$balance", Text(state.Balance)),
            ("$dayStart", Text(state.DayStartBalance)), ("$highest", Text(state.HighestEndOfDayBalance)), ("$floor", Text(state.MaxLossFloor)),
            ("$losses", state.ConsecutiveLosses), ("$daily", state.DailyTrades), ("$total", state.TotalTrades),
            ("$haltedToday", (object?)state.HaltedToday ?? DBNull.Value), ("$haltedForGood", (object?)state.HaltedForGood ?? DBNull.Value),
            ("$updated", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        command.ExecuteNonQuery();
    }

    /// <summary>The trade <paramref name="accountId"/> had open when last saved, or null.</summary>
    /// <exception cref="StateStoreException">The saved trade cannot be read.</exception>
    public OpenTradeState? LoadOpenTrade(long accountId)
    {
        using var scope = _gate.EnterScope();
        using var command = Command("SELECT trade_json FROM open_trade WHERE account_id = $account", ("$account", accountId));
        if (command.ExecuteScalar() is not string json)
            return null;
        try
        {
            return JsonSerializer.Deserialize<OpenTradeState>(json, TradeJson)
                ?? throw new JsonException("null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw new StateStoreException($"state store {Path}: the open trade of account {accountId} cannot be read ({e.Message})", e);
        }
    }

    /// <summary>Saves <paramref name="trade"/> as <paramref name="accountId"/>'s open trade, or clears it when null (one committed transaction).</summary>
    /// <exception cref="SqliteException">The write failed (a full or failing disk).</exception>
    public void SaveOpenTrade(long accountId, OpenTradeState? trade)
    {
        using var scope = _gate.EnterScope();
        using var command = trade is null
            ? Command("DELETE FROM open_trade WHERE account_id = $account", ("$account", accountId))
            : Command("""
                INSERT INTO open_trade (account_id, trade_json, updated_at) VALUES ($account, $json, $updated)
                ON CONFLICT (account_id) DO UPDATE SET trade_json = excluded.trade_json, updated_at = excluded.updated_at
                """, ("$account", accountId), ("$json", JsonSerializer.Serialize(trade, TradeJson)),
                ("$updated", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Records <paramref name="accountId"/>'s trade <paramref name="id"/> as closed and clears it as the open trade (another open
    /// trade is left), in one committed
    /// transaction, so a restart never finds a trade both open and closed. <paramref name="journalLine"/> is the trade's line of
    /// <c>all_trades.jsonl</c>, kept so that a line the journal lost (a kill -9 between this commit and its append) is written
    /// at the next start. Recording the same trade again changes nothing.
    /// </summary>
    /// <param name="tradingDay">The CME trading day of the trade's entry.</param>
    /// <param name="runId">The run that closed it.</param>
    /// <exception cref="SqliteException">The write failed (a full or failing disk).</exception>
    public void CloseTrade(long accountId, string id, DateOnly tradingDay, string runId, string journalLine)
    {
        using var scope = _gate.EnterScope();
        using var transaction = _connection.BeginTransaction();
        using (var insert = Command("""
            INSERT OR IGNORE INTO closed_trade (account_id, id, trading_day, run_id, journal_line, closed_at)
            VALUES ($account, $id, $day, $run, $line, $closed)
            """, ("$account", accountId), ("$id", id), ("$day", tradingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$run", runId),
            ("$line", journalLine), ("$closed", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))))
        {
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
        }
        // Only this trade: a save of the next one, committed first by a lagging writer, stays.
        using (var clear = Command("DELETE FROM open_trade WHERE account_id = $account AND json_extract(trade_json, '$.tag') = $id", ("$account", accountId), ("$id", id)))
        {
            clear.Transaction = transaction;
            clear.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The journal lines of <paramref name="accountId"/>'s trades closed on trading days from <paramref name="since"/> on, in closing order.</summary>
    public IReadOnlyList<(string Id, string JournalLine)> ClosedTrades(long accountId, DateOnly since)
    {
        using var scope = _gate.EnterScope();
        using var command = Command("""
            SELECT id, journal_line FROM closed_trade WHERE account_id = $account AND trading_day >= $since ORDER BY closed_at, rowid
            """, ("$account", accountId), ("$since", since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        using var reader = command.ExecuteReader();
        var lines = new List<(string, string)>();
        while (reader.Read())
            lines.Add((reader.GetString(0), reader.GetString(1)));
        return lines;
    }

    /// <summary>
    /// Records fills as the executor booked them, with their attribution (the trade, the order's tag and role), in one
    /// committed transaction. De-duplicated by the broker's fill id: a fill recorded before is left as it is.
    /// </summary>
    /// <exception cref="SqliteException">The write failed (a full or failing disk).</exception>
    public void RecordFills(long accountId, IEnumerable<BookedFill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        using var scope = _gate.EnterScope();
        using var transaction = _connection.BeginTransaction();
        foreach (var (fill, tradeId, role) in fills)
        {
            using var insert = Command("""
                INSERT OR IGNORE INTO fill (account_id, fill_id, order_id, order_tag, trade_id, role, side, quantity, price, commission, time)
                VALUES ($account, $fill, $order, $tag, $trade, $role, $side, $quantity, $price, $commission, $time)
                """, ("$account", accountId), ("$fill", fill.FillId), ("$order", fill.OrderId), ("$tag", fill.Tag), ("$trade", (object?)tradeId ?? DBNull.Value),
                ("$role", role), ("$side", fill.Side == OrderSide.Buy ? "buy" : "sell"), ("$quantity", fill.Quantity), ("$price", Text(fill.Price)),
                ("$commission", Text(fill.Commission)), ("$time", fill.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The fills recorded for <paramref name="accountId"/>'s trade <paramref name="tradeId"/>, in time order.</summary>
    /// <exception cref="StateStoreException">A recorded fill cannot be read.</exception>
    public IReadOnlyList<BookedFill> FillsOf(long accountId, string tradeId)
    {
        using var scope = _gate.EnterScope();
        using var command = Command("""
            SELECT fill_id, order_id, order_tag, role, side, quantity, price, commission, time FROM fill
            WHERE account_id = $account AND trade_id = $trade ORDER BY time, fill_id
            """, ("$account", accountId), ("$trade", tradeId));
        using var reader = command.ExecuteReader();
        var fills = new List<BookedFill>();
        try
        {
            while (reader.Read())
            {
                var fill = new BrokerFill(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(4) == "buy" ? OrderSide.Buy : OrderSide.Sell,
                    reader.GetInt32(5), Money(reader, 6), Money(reader, 7), DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
                fills.Add(new BookedFill(fill, tradeId, reader.GetString(3)));
            }
        }
        catch (FormatException e)
        {
            throw new StateStoreException($"state store {Path}: a fill of trade {tradeId} cannot be read ({e.Message})", e);
        }
        return fills;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        using var scope = _gate.EnterScope();
        _connection.Dispose();
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static decimal Money(SqliteDataReader reader, int column) => decimal.Parse(reader.GetString(column), NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Text(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
