package com.offpeak.gateway.server;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.gateway.marketdata.MarketData;
import com.offpeak.gateway.rest.AccountMirror;
import com.offpeak.gateway.ws.Balances;
import com.offpeak.gateway.ws.PrivateChannels;
import com.offpeak.gateway.ws.PublicChannels;
import com.offpeak.journal.OutputDecoder;
import com.offpeak.journal.OutputJournalReader;
import com.offpeak.journal.OutputListener;
import io.vertx.core.Context;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

/**
 * The gateway's single publisher: on one Vert.x context it applies the pipeline's output, in
 * sequence order, to market data, the private channels and the balance mirror, and after each
 * drained batch publishes the conflated public changes. Its state is rebuilt at start by reading
 * the output journal from the beginning (the pipeline replays silently), and the same journal
 * fills any gap the live relay had to drop; outputs already applied are skipped by sequence.
 */
public final class Publisher implements OutputListener, MessageHandler
{
    private final Context context;
    private final MarketData marketData;
    private final PublicChannels publicChannels;
    private final Balances balances = new Balances();
    private final PrivateChannels privateChannels;
    private final AccountMirror accounts;
    private final Catalog catalog;
    private final OutputDecoder decoder = new OutputDecoder();
    private final OutputRelay relay;
    private final OutputJournalReader journal;
    private final long conflationNanos;
    private long lastApplied;
    private boolean caughtUp;
    private long lastPublicFlush;
    private boolean publicFlushScheduled;

    public Publisher(final Context context, final Catalog catalog, final Path dataDir, final int relayCapacityBytes,
        final long conflationMillis, final int preallocatedOrders)
    {
        accounts = new AccountMirror(preallocatedOrders);
        this.conflationNanos = TimeUnit.MILLISECONDS.toNanos(conflationMillis);
        this.context = context;
        this.catalog = catalog;
        marketData = new MarketData(catalog);
        publicChannels = new PublicChannels(marketData);
        privateChannels = new PrivateChannels(catalog, balances);
        relay = new OutputRelay(relayCapacityBytes, this::scheduleDrain);
        journal = new OutputJournalReader(dataDir);
    }

    /** The subscriber to register with the pipeline before it starts. */
    public OutputRelay relay()
    {
        return relay;
    }

    public Context context()
    {
        return context;
    }

    /** Publisher-context only, like everything below. */
    public MarketData marketData()
    {
        return marketData;
    }

    public PublicChannels publicChannels()
    {
        return publicChannels;
    }

    public PrivateChannels privateChannels()
    {
        return privateChannels;
    }

    public Balances balances()
    {
        return balances;
    }

    public AccountMirror accounts()
    {
        return accounts;
    }

    public long lastApplied()
    {
        return lastApplied;
    }

    /** Reads the output journal to its end: the history before this process, or what the relay dropped. */
    private void catchUp()
    {
        while (journal.next())
        {
            apply(journal.sequence(), journal.time(), journal.records(), 0, journal.length());
        }
    }

    /** Drains the relay, catching up from the journal first if it dropped anything. */
    public void drain()
    {
        if (!caughtUp || relay.takeLoss())
        {
            // History first: live outputs are only applied on top of everything journaled before them.
            catchUp();
            caughtUp = true;
        }
        relay.drain(this);
        privateChannels.flushBalances();
        publishPublic();
    }

    public void heartbeat()
    {
        publicChannels.heartbeat();
    }

    public void close()
    {
        journal.close();
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        // An output dropped before this one flags the loss before this one is committed to the ring,
        // so checking here keeps sequence order: the journal supplies the missing outputs first.
        if (relay.takeLoss())
        {
            catchUp();
        }
        apply(buffer.getLong(index), buffer.getLong(index + Long.BYTES), buffer, index + OutputRelay.HEADER,
            length - OutputRelay.HEADER);
    }

    private void scheduleDrain()
    {
        context.runOnContext(ignored -> drain());
    }

    private void apply(final long sequence, final long time, final DirectBuffer records, final int offset, final int length)
    {
        if (sequence <= lastApplied)
        {
            return;
        }
        lastApplied = sequence;
        decoder.decode(records, offset, length, this);
        marketData.advanceTo(time);
    }

    /**
     * Public channels are conflated in time: at most one flush per conflation period, so a burst
     * of engine events costs each subscriber one message per channel, and the fan-out's cost is
     * bounded however fast orders arrive. A flush due later is scheduled once.
     */
    private void publishPublic()
    {
        final long now = System.nanoTime();
        final long wait = lastPublicFlush + conflationNanos - now;
        if (wait <= 0)
        {
            lastPublicFlush = now;
            marketData.flush(publicChannels);
            publicChannels.publishOverall();
        }
        else if (!publicFlushScheduled)
        {
            publicFlushScheduled = true;
            context.owner().setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), id ->
            {
                publicFlushScheduled = false;
                publishPublic();
            });
        }
    }

    // Each output event goes to market data (public), the private channels and the account mirror.

    @Override
    public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
        final int instrument, final int gpus, final long price)
    {
        privateChannels.accepted(time, account, clientOrderId, orderId, side, instrument, gpus, price);
        accounts.accepted(time, account, orderId, side, catalog.get(instrument).id(), gpus, price);
    }

    @Override
    public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
    {
        privateChannels.rejected(time, account, clientOrderId, orderId, code);
    }

    @Override
    public void duplicate(final long time, final long account, final long clientOrderId, final long orderId,
        final RejectCode originalReject, final OrderStatus status, final int remainingGpus)
    {
        privateChannels.duplicate(time, account, clientOrderId, orderId, originalReject, status, remainingGpus);
    }

    @Override
    public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
        final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
    {
        marketData.fill(time, instrument, leaseId, bidId, askId, buyer, owner, gpus, durationMinutes, price, maker, bidRemaining);
        privateChannels.fill(time, instrument, leaseId, bidId, askId, buyer, owner, gpus, durationMinutes, price, maker, bidRemaining);
        accounts.filled(bidId, askId, gpus, bidRemaining);
    }

    @Override
    public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long bidId, final long askId, final int gpus, final long start, final long end, final long price, final boolean preemptible)
    {
        marketData.leaseStarted(time, leaseId, instrument, buyer, owner, bidId, askId, gpus, start, end, price, preemptible);
        privateChannels.leaseStarted(time, leaseId, instrument, buyer, owner, bidId, askId, gpus, start, end, price, preemptible);
        accounts.leaseStarted(leaseId, catalog.get(instrument).id(), buyer, owner, bidId, askId, gpus, start, end, price, preemptible);
    }

    @Override
    public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
    {
        marketData.leaseEnded(time, leaseId, instrument, buyer, owner, askId, gpus, reason, returnedToAsk);
        privateChannels.leaseEnded(time, leaseId, instrument, buyer, owner, askId, gpus, reason, returnedToAsk);
        accounts.leaseEnded(leaseId, gpus);
        if (returnedToAsk)
        {
            accounts.returned(askId, gpus);
        }
    }

    @Override
    public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner,
        final int gpus, final long newEnd, final long preemptorBidId)
    {
        privateChannels.preempted(time, leaseId, instrument, victim, owner, gpus, newEnd, preemptorBidId);
    }

    @Override
    public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
        final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
        final boolean contiguous)
    {
        privateChannels.requeued(time, orderId, originalOrderId, account, instrument, gpus, durationMinutes, price, timeInForce,
            deadline, contiguous);
        accounts.accepted(time, account, orderId, Side.BID, catalog.get(instrument).id(), gpus, price);
    }

    @Override
    public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus)
    {
        privateChannels.orderExpired(time, orderId, account, instrument, side, remainingGpus);
        accounts.closed(orderId);
    }

    @Override
    public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus, final CancelReason reason)
    {
        privateChannels.orderCancelled(time, orderId, account, instrument, side, remainingGpus, reason);
        accounts.closed(orderId);
    }

    @Override
    public void amended(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int gpus, final long price, final boolean priorityKept)
    {
        privateChannels.amended(time, orderId, account, instrument, side, gpus, price, priorityKept);
        accounts.amended(orderId, gpus, price);
    }

    @Override
    public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus, final int orders)
    {
        marketData.bookChanged(time, instrument, side, price, gpus, orders);
    }

    @Override
    public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
    {
        marketData.marketModeChanged(time, instrument, auctionIntervalSeconds, effectiveAt);
    }

    @Override
    public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
    {
        marketData.auctionIndicative(time, instrument, price, gpus);
    }

    @Override
    public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
    {
        marketData.auctionCleared(time, instrument, price, gpus);
    }

    @Override
    public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
        final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
    {
        // answered to the request (OrderAcks, the REST quote), nothing public or private
    }

    @Override
    public void transfer(final DirectBuffer buffer, final int offset, final int length)
    {
        privateChannels.transfer(buffer, offset, length);
    }

    @Override
    public void cashRejected(final long time, final long account, final long idempotencyKey, final int reasonCode)
    {
        privateChannels.cashRejected(time, account, idempotencyKey, reasonCode);
    }

    @Override
    public void spendingCapSet(final long time, final long participant, final long capPerHour)
    {
        privateChannels.spendingCapSet(time, participant, capPerHour);
    }

    @Override
    public void snapshotTaken(final long time, final long sequence)
    {
        // nothing public or private to say
    }
}
