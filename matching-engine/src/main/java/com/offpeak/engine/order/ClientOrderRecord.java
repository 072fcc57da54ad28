package com.offpeak.engine.order;

import com.offpeak.engine.Command;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.list.Link;

/**
 * The remembered answer to one place command under an account's clientOrderId: the request (to
 * tell an identical retry from a reuse of the id), the answer (order id or reject code), and the
 * order's state, live through {@link #order} while it rests and frozen when it ends.
 */
public final class ClientOrderRecord
{
    /** The place command as received (its own copy: the caller's command slot is reused). */
    public final Command request = new Command();
    /** Engine time of the original command; the retention window runs from it. */
    public long recordedAt;

    public long orderId;
    public RejectCode rejectCode;
    /** The order while it is open; null once it ended (then {@link #status} and {@link #remaining} are final). */
    public Order order;
    public OrderStatus status;
    public int remaining;

    final Link<ClientOrderRecord> link = new Link<>(this);

    /** The next record in arrival order, or null. */
    public ClientOrderRecord next()
    {
        return link.nextItem();
    }

    void capture(final Command command, final long now)
    {
        request.copyFrom(command);
        recordedAt = now;
    }

    /** Every field but the timestamp equal: a retry, not a new request. */
    public boolean sameRequest(final Command command)
    {
        return request.sameRequestAs(command);
    }

    /** Current status: live from the order while it rests. */
    public OrderStatus currentStatus()
    {
        return order != null ? OrderStatus.OPEN : status;
    }

    public int currentRemaining()
    {
        return order != null ? order.remaining : remaining;
    }

    void clear()
    {
        recordedAt = 0;
        orderId = 0;
        rejectCode = null;
        order = null;
        status = null;
        remaining = 0;
    }
}
