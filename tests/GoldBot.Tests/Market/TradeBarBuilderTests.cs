using GoldBot.Market;

namespace GoldBot.Tests.Market;

public sealed class TradeBarBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2025, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private readonly TradeBarBuilder _builder = new(TimeSpan.FromMinutes(3));

    [Fact]
    public void Trades_inside_one_period_make_one_bar_closed_by_the_first_trade_of_the_next()
    {
        Assert.False(_builder.Add(T0.AddSeconds(1), 2000.0m, 2, out _));
        Assert.False(_builder.Add(T0.AddSeconds(50), 2001.5m, 1, out _));
        Assert.False(_builder.Add(T0.AddSeconds(100), 1999.0m, 3, out _));
        Assert.False(_builder.Add(T0.AddSeconds(179), 2000.4m, 1, out _));
        Assert.True(_builder.Add(T0.AddMinutes(3), 2000.6m, 1, out var bar));

        Assert.Equal(new Bar(T0, 2000.0m, 2001.5m, 1999.0m, 2000.4m, 7), bar);
        Assert.Equal(T0.AddMinutes(6), _builder.PendingClose);
    }

    [Fact]
    public void Bars_align_to_the_period_grid_and_empty_periods_make_no_bar()
    {
        _builder.Add(T0.AddMinutes(1), 2000m, 1, out _);      // bar 15:00
        Assert.True(_builder.Add(T0.AddMinutes(10), 2001m, 1, out var first)); // skips 15:03, opens 15:09
        Assert.Equal(T0, first.OpenTime);
        Assert.True(_builder.TryClose(T0.AddMinutes(12).AddSeconds(2), TimeSpan.FromSeconds(2), out var second));
        Assert.Equal(new Bar(T0.AddMinutes(9), 2001m, 2001m, 2001m, 2001m, 1), second);
        Assert.Null(_builder.PendingClose);
    }

    [Fact]
    public void A_quiet_bar_closes_only_after_the_grace_period()
    {
        _builder.Add(T0.AddSeconds(5), 2000m, 1, out _);
        Assert.False(_builder.TryClose(T0.AddMinutes(3).AddSeconds(1), TimeSpan.FromSeconds(2), out _));
        Assert.True(_builder.TryClose(T0.AddMinutes(3).AddSeconds(2), TimeSpan.FromSeconds(2), out var bar));
        Assert.Equal(T0, bar.OpenTime);
    }

    [Fact]
    public void A_late_print_for_a_published_bar_is_dropped_and_counted()
    {
        _builder.Add(T0.AddSeconds(5), 2000m, 1, out _);
        _builder.Add(T0.AddMinutes(3), 2001m, 1, out _);
        Assert.False(_builder.Add(T0.AddSeconds(170), 1990m, 5, out _));
        Assert.Equal(1, _builder.LateTrades);
        Assert.True(_builder.Add(T0.AddMinutes(6), 2002m, 1, out var bar));
        Assert.Equal(new Bar(T0.AddMinutes(3), 2001m, 2001m, 2001m, 2001m, 1), bar);
    }

    [Fact]
    public void A_print_of_a_bar_closed_as_quiet_is_late_and_never_starts_a_second_bar_with_that_open_time()
    {
        _builder.Add(T0.AddSeconds(5), 2000m, 1, out _);
        Assert.True(_builder.TryClose(T0.AddMinutes(3).AddSeconds(2), TimeSpan.FromSeconds(2), out var first));
        Assert.Equal(T0.AddMinutes(3), _builder.PublishedUntil);

        Assert.False(_builder.Add(T0.AddSeconds(179), 1990m, 5, out _)); // its own bar was published
        Assert.Equal(1, _builder.LateTrades);
        Assert.Null(_builder.PendingClose);

        Assert.False(_builder.Add(T0.AddMinutes(3).AddSeconds(3), 2001m, 1, out _));
        Assert.True(_builder.Add(T0.AddMinutes(6), 2002m, 1, out var second));
        Assert.Equal(new Bar(T0, 2000m, 2000m, 2000m, 2000m, 1), first);
        Assert.Equal(new Bar(T0.AddMinutes(3), 2001m, 2001m, 2001m, 2001m, 1), second);
    }

    [Fact]
    public void A_print_older_than_the_bar_being_built_is_late_even_when_its_bar_had_no_trades()
    {
        _builder.Add(T0.AddSeconds(5), 2000m, 1, out _);
        Assert.True(_builder.Add(T0.AddMinutes(9), 2001m, 1, out _));  // bars 15:03 and 15:06 had no trades
        Assert.False(_builder.Add(T0.AddMinutes(4), 1999m, 1, out _)); // 15:03 would follow 15:09
        Assert.Equal(1, _builder.LateTrades);
        Assert.Equal(T0.AddMinutes(12), _builder.PendingClose);
    }

    [Fact]
    public void Nothing_is_published_before_the_first_trade()
    {
        Assert.Null(_builder.PublishedUntil);
        Assert.False(_builder.TryClose(T0.AddDays(1), TimeSpan.Zero, out _));
        Assert.Equal(T0.AddMinutes(3), _builder.OpenTimeOf(T0.AddMinutes(5).AddSeconds(59)));
    }

    [Fact]
    public void Periods_that_do_not_divide_a_day_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TradeBarBuilder(TimeSpan.FromMinutes(7)));
}
