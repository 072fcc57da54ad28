package com.offpeak.gateway.ws;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.gateway.wire.JsonText;
import com.offpeak.gateway.wire.Prices;
import com.offpeak.gateway.server.OutputAdapter;
import com.offpeak.journal.OutputDecoder;
import org.agrona.DirectBuffer;
import com.offpeak.pipeline.Acknowledger;

/**
 * Answers order-entry requests once the pipeline has journaled and applied them: decodes the
 * command's own output and writes the response ({@code ok} with the order's id, status and the
 * requester's fills, or the engine's reject code) to the requesting connection. Runs on the
 * pipeline's publisher thread, so it only encodes and enqueues a socket write — no waiting.
 */
final class OrderAcks extends OutputAdapter implements Acknowledger
{
    private final SessionRegistry sessions;
    private final Catalog catalog;
    private final OutputDecoder decoder = new OutputDecoder();
    private final JsonText json = new JsonText();
    private final StringBuilder fills = new StringBuilder(256);
    private final StringBuilder cancelled = new StringBuilder(64);
    private final StringBuilder quotes = new StringBuilder(256);
    private final StringBuilder alternatives = new StringBuilder(64);

    private long account;
    private long orderId;
    private RejectCode rejectCode;
    private boolean duplicate;
    private OrderStatus status;
    private int remaining;
    private Side side;
    private int instrument;
    private int gpus;
    private long price;
    private boolean priorityKept;
    private boolean accepted;
    private boolean amended;
    private int fillCount;
    private int cancelledCount;
    private int quoteCount;
    /** A substitutes bid's alternatives: order ids {@code orderId .. orderId + alternativeCount - 1}. */
    private int alternativeCount;
    private CancelReason cancelReason;

    OrderAcks(final SessionRegistry sessions, final Catalog catalog)
    {
        this.sessions = sessions;
        this.catalog = catalog;
    }

    @Override
    public void acknowledged(final long correlationId, final long sequence, final DirectBuffer output, final int length)
    {
        final Session session = sessions.lookup(correlationId);
        if (session == null)
        {
            return; // the connection closed while its request was in flight; the private channel is gone too
        }
        final Op op = session.awaiting().peekOp();
        if (op == null)
        {
            return;
        }
        final String requestId = session.awaiting().take();
        reset(session.account());
        decoder.decode(output, 0, length, this);
        session.send(response(op, requestId, sequence));
    }

    private byte[] response(final Op op, final String requestId, final long sequence)
    {
        json.startMessage().rawField("id", requestId);
        if (rejectCode != null)
        {
            json.field("ok", false).startObject("error").field("code", rejectCode.name()).field("message", rejectCode.message());
            if (duplicate)
            {
                json.field("duplicate", true);
            }
            return json.finishUtf8();
        }
        json.field("ok", true).field("sequence", sequence).startObject("result");
        switch (op)
        {
            case PLACE_ASK, PLACE_BID ->
            {
                json.field("orderId", orderId).field("status", placeStatus().name());
                if (duplicate)
                {
                    json.field("duplicate", true).field("remainingGpus", remaining);
                }
                else
                {
                    json.field("side", side.name()).field("instrument", catalog.get(instrument).id()).field("gpus", gpus)
                        .price("price", price);
                    if (side == Side.BID)
                    {
                        json.field("remainingGpus", remaining);
                    }
                    if (alternativeCount > 1)
                    {
                        json.rawField("alternatives", alternatives.append(']'));
                    }
                }
                json.rawField("fills", fillsArray());
            }
            case AMEND -> json.field("orderId", orderId).field("gpus", gpus).price("price", price).field("priorityKept", priorityKept)
                .rawField("fills", fillsArray());
            case CANCEL -> json.field("orderId", orderId).field("remainingGpus", remaining);
            case CANCEL_ALL -> json.rawField("cancelled", cancelled.append(']'));
            case QUOTE -> json.rawField("quotes", quotes.append(']'));
            default -> throw new IllegalStateException(op + " is not order entry");
        }
        return json.finishUtf8();
    }

    private OrderStatus placeStatus()
    {
        if (duplicate)
        {
            return status;
        }
        if (cancelReason == CancelReason.IOC_REMAINDER)
        {
            return OrderStatus.CANCELLED;
        }
        return side == Side.BID && remaining == 0 ? OrderStatus.FILLED : OrderStatus.OPEN;
    }

    private CharSequence fillsArray()
    {
        return fills.append(']');
    }

    private void reset(final long sessionAccount)
    {
        account = sessionAccount;
        orderId = 0;
        rejectCode = null;
        duplicate = false;
        status = null;
        remaining = 0;
        side = null;
        priorityKept = false;
        accepted = false;
        amended = false;
        fillCount = 0;
        cancelledCount = 0;
        quoteCount = 0;
        alternativeCount = 0;
        alternatives.setLength(0);
        alternatives.append('[');
        cancelReason = null;
        fills.setLength(0);
        fills.append('[');
        cancelled.setLength(0);
        cancelled.append('[');
        quotes.setLength(0);
        quotes.append('[');
    }

    @Override
    public void accepted(final long time, final long acct, final long clientOrderId, final long id, final Side orderSide,
        final int orderInstrument, final int orderGpus, final long orderPrice)
    {
        if (acct == account && accepted && orderSide == Side.BID && id == orderId + alternativeCount)
        {
            // The next alternative of the substitutes bid just accepted (consecutive ids, same command).
            alternative(id, orderInstrument);
            return;
        }
        if (acct == account && !accepted)
        {
            accepted = true;
            alternative(id, orderInstrument);
            orderId = id;
            side = orderSide;
            instrument = orderInstrument;
            gpus = orderGpus;
            remaining = orderGpus;
            price = orderPrice;
        }
    }

    @Override
    public void rejected(final long time, final long acct, final long clientOrderId, final long id, final RejectCode code)
    {
        if (acct == account)
        {
            rejectCode = code;
        }
    }

    @Override
    public void duplicate(final long time, final long acct, final long clientOrderId, final long id, final RejectCode originalReject,
        final OrderStatus orderStatus, final int remainingGpus)
    {
        if (acct == account)
        {
            duplicate = true;
            orderId = id;
            rejectCode = originalReject;
            status = orderStatus;
            remaining = remainingGpus;
        }
    }

    @Override
    public void fill(final long time, final int fillInstrument, final long leaseId, final long bidId, final long askId,
        final long buyer, final long owner, final int fillGpus, final int durationMinutes, final long fillPrice, final Side maker,
        final int bidRemaining)
    {
        final boolean ownBid = bidId >= orderId && bidId < orderId + Math.max(1, alternativeCount) && buyer == account;
        final boolean mine = ownBid || (askId == orderId && owner == account);
        if (!mine)
        {
            return;
        }
        if (fillCount++ > 0)
        {
            fills.append(',');
        }
        fills.append("{\"leaseId\":").append(leaseId).append(",\"instrument\":\"").append(catalog.get(fillInstrument).id())
            .append("\",\"gpus\":").append(fillGpus).append(",\"durationMinutes\":")
            .append(durationMinutes).append(",\"price\":\"");
        Prices.append(fills, fillPrice).append("\"}");
        if (ownBid)
        {
            remaining = bidRemaining;
        }
    }

    @Override
    public void orderCancelled(final long time, final long id, final long acct, final int orderInstrument, final Side orderSide,
        final int remainingGpus, final CancelReason reason)
    {
        if (acct != account)
        {
            return;
        }
        if (cancelledCount++ > 0)
        {
            cancelled.append(',');
        }
        cancelled.append(id);
        if (!accepted && !amended)
        {
            orderId = id;
            remaining = remainingGpus;
        }
        if (id == orderId)
        {
            cancelReason = reason;
        }
    }

    private void alternative(final long id, final int alternativeInstrument)
    {
        if (alternativeCount++ > 0)
        {
            alternatives.append(',');
        }
        alternatives.append("{\"orderId\":").append(id).append(",\"instrument\":\"").append(catalog.get(alternativeInstrument).id())
            .append("\"}");
    }

    @Override
    public void quoted(final long time, final long acct, final long requestId, final int quotedInstrument, final int quotedGpus,
        final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
    {
        if (acct != account)
        {
            return;
        }
        if (quoteCount++ > 0)
        {
            quotes.append(',');
        }
        quotes.append("{\"instrument\":\"").append(catalog.get(quotedInstrument).id()).append("\",\"gpus\":").append(quotedGpus)
            .append(",\"durationMinutes\":").append(durationMinutes).append(",\"fillableGpus\":").append(fillableGpus)
            .append(",\"notional\":\"");
        Prices.append(quotes, notional).append("\",\"averagePrice\":");
        if (fillableGpus == 0)
        {
            quotes.append("null");
        }
        else
        {
            Prices.append(quotes.append('"'), averagePrice).append('"');
        }
        quotes.append(",\"cheaper\":").append(cheaper).append('}');
    }

    @Override
    public void amended(final long time, final long id, final long acct, final int orderInstrument, final Side orderSide,
        final int newGpus, final long newPrice, final boolean kept)
    {
        if (acct == account && !amended)
        {
            amended = true;
            orderId = id;
            gpus = newGpus;
            price = newPrice;
            priorityKept = kept;
        }
    }
}
