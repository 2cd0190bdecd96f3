namespace GoldBot.Execution;

/// <summary>
/// Where orders go: the simulated broker in replays, backtests and paper runs, the TopstepX gateway
/// live and against the gateway simulator. A broker routes requests and reports what happened; it
/// keeps no trading state of its own that the order executor relies on. Fills and cancellations
/// come back through the <see cref="IBrokerEventSink"/> given to the implementation, because live
/// they arrive asynchronously, late, repeated or out of order. No call throws for a refusal or an
/// unknown outcome: those are answers (<see cref="AckOutcome"/>).
/// </summary>
public interface IBroker
{
    /// <summary>Places an order: accepted with its id, rejected, or uncertain (then found again by its tag).</summary>
    ValueTask<OrderAck> PlaceAsync(OrderRequest request, CancellationToken cancellationToken);

    /// <summary>Gives a working order new values (every value sent, see <see cref="OrderChange"/>).</summary>
    ValueTask<OrderAck> ModifyAsync(OrderChange change, CancellationToken cancellationToken);

    /// <summary>Cancels a working order. A refusal may mean the order has just filled: read the account before acting on it.</summary>
    ValueTask<OrderAck> CancelAsync(long orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Closes whatever position the broker holds in the traded contract at the market (ProjectX
    /// <c>Position/closeContract</c>): sized by the broker, so it cannot turn a late-reported position
    /// into its opposite. Rejected when the broker holds no position.
    /// </summary>
    /// <param name="tag">Client tag for brokers that place a market order to do it.</param>
    ValueTask<OrderAck> ClosePositionAsync(string tag, CancellationToken cancellationToken);

    /// <summary>The account as the broker reports it now (REST live): the source of truth the executor reconciles to.</summary>
    /// <exception cref="BrokerUnavailableException">The broker could not be read.</exception>
    ValueTask<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The broker's net position in the traded contract now, contracts (&gt; 0 long): the cheap check the executor makes
    /// every second while the broker's events are not arriving. By default the position of a whole account read; the
    /// gateway answers it with one request (ProjectX <c>Position/searchOpen</c>).
    /// </summary>
    /// <exception cref="BrokerUnavailableException">The broker could not be read.</exception>
    async ValueTask<int> GetPositionAsync(CancellationToken cancellationToken) =>
        (await GetAccountAsync(cancellationToken).ConfigureAwait(false)).Position;

    /// <summary>Looks an order up by its client tag: working orders first, then recent ones. Null when the broker has no such order.</summary>
    /// <exception cref="BrokerUnavailableException">The broker could not be searched.</exception>
    ValueTask<OrderLookup?> FindOrderAsync(string tag, CancellationToken cancellationToken);
}
