using GoldBot.Alerts;
using Microsoft.Extensions.Time.Testing;
using static GoldBot.Tests.Alerts.AlertTestSettings;

namespace GoldBot.Tests.Alerts;

/// <summary>The severity filter, de-duplication and the cooldown (on a fake clock), and the drop-oldest queue.</summary>
public sealed class AlertPublisherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public void With_every_channel_off_nothing_is_queued()
    {
        var publisher = new AlertPublisher(new AlertSettings(), _time);
        Assert.False(publisher.Enabled);
        Assert.False(publisher.Publish(Make(severity: AlertSeverity.Critical)));
        Assert.Empty(Drain(publisher));
    }

    [Fact]
    public void Alerts_under_the_minimum_severity_are_dropped()
    {
        var publisher = new AlertPublisher(WebhookOn(AlertSeverity.Warning), _time);
        Assert.False(publisher.Publish(Make(key: "a", severity: AlertSeverity.Info)));
        Assert.True(publisher.Publish(Make(key: "b", severity: AlertSeverity.Warning)));
        Assert.True(publisher.Publish(Make(key: "c", severity: AlertSeverity.Critical)));
        Assert.Equal(["b", "c"], Drain(publisher).Select(a => a.Key));
    }

    [Fact]
    public void An_identical_alert_is_a_duplicate_for_the_window_and_goes_out_again_after_it()
    {
        var publisher = new AlertPublisher(WebhookOn(cooldownSeconds: 0, duplicateMinutes: 60), _time);
        Assert.True(publisher.Publish(Make(text: "feed stale")));
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(publisher.Publish(Make(text: "feed stale")));
        // Another key or another kind is not a duplicate.
        Assert.True(publisher.Publish(Make(key: "other", text: "feed stale")));
        Assert.True(publisher.Publish(Make(kind: AlertKind.ReconnectStorm, text: "feed stale")));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(publisher.Publish(Make(text: "feed stale")));
        Assert.Equal(4, Drain(publisher).Count);
    }

    [Fact]
    public void The_cooldown_holds_back_a_different_alert_of_the_same_kind_and_key_and_the_next_one_says_how_many()
    {
        var publisher = new AlertPublisher(WebhookOn(cooldownSeconds: 300, duplicateMinutes: 0), _time);
        Assert.True(publisher.Publish(Make(text: "headroom 150")));
        _time.Advance(TimeSpan.FromSeconds(100));
        Assert.False(publisher.Publish(Make(text: "headroom 120")));
        _time.Advance(TimeSpan.FromSeconds(199));
        Assert.False(publisher.Publish(Make(text: "headroom 90")));
        _time.Advance(TimeSpan.FromSeconds(1)); // 300 s after the first one sent
        Assert.True(publisher.Publish(Make(text: "headroom 60")));
        var sent = Drain(publisher);
        Assert.Equal(["headroom 150", "headroom 60"], sent.Select(a => a.Text));
        Assert.Equal(2, sent[1].Suppressed);
        Assert.Contains("(2 similar held back by the cooldown)", sent[1].Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_critical_alert_is_never_held_back_by_the_cooldown()
    {
        var publisher = new AlertPublisher(WebhookOn(cooldownSeconds: 300), _time);
        Assert.True(publisher.Publish(Make(kind: AlertKind.ProtectionViolation, severity: AlertSeverity.Critical, text: "naked 1")));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(publisher.Publish(Make(kind: AlertKind.ProtectionViolation, severity: AlertSeverity.Critical, text: "naked 2")));
        Assert.False(publisher.Publish(Make(kind: AlertKind.ProtectionViolation, severity: AlertSeverity.Critical, text: "naked 2")));
        Assert.Equal(2, Drain(publisher).Count);
    }

    [Fact]
    public void A_full_queue_drops_its_oldest_alert_and_counts_it_without_blocking()
    {
        var publisher = new AlertPublisher(WebhookOn(capacity: 3), _time);
        for (var i = 0; i < 10; i++)
            Assert.True(publisher.Publish(Make(key: $"k{i}")));
        Assert.Equal(7, publisher.Dropped);
        Assert.Equal(["k7", "k8", "k9"], Drain(publisher).Select(a => a.Key));
    }
}
