package com.offpeak.engine.order;

import com.offpeak.engine.Command;
import com.offpeak.engine.CommandType;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.list.Link;

/**
 * The remembered answer to one place command under an account's clientOrderId: the request (to
 * tell an identical retry from a reuse of the id), the answer (order id or reject code), and the
 * order's state, live through {@link #order} while it rests and frozen when it ends.
 */
public final class ClientOrderRecord
{
    public long account;
    public long clientOrderId;
    public long recordedAt;

    public CommandType type;
    public long orderIdField;
    public int instrument;
    public int gpus;
    public int durationMinutes;
    public long price;
    public long availableUntil;
    public int minBlock;
    public TimeInForce timeInForce;
    public long deadline;
    public boolean contiguous;
    public boolean postOnly;
    public boolean preemptible;

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
        account = command.account;
        clientOrderId = command.clientOrderId;
        recordedAt = now;
        type = command.type;
        orderIdField = command.orderId;
        instrument = command.instrument;
        gpus = command.gpus;
        durationMinutes = command.durationMinutes;
        price = command.price;
        availableUntil = command.availableUntil;
        minBlock = command.minBlock;
        timeInForce = command.timeInForce;
        deadline = command.deadline;
        contiguous = command.contiguous;
        postOnly = command.postOnly;
        preemptible = command.preemptible;
    }

    /** Every field but the timestamp equal: a retry, not a new request. */
    public boolean sameRequest(final Command command)
    {
        return type == command.type &&
            account == command.account &&
            clientOrderId == command.clientOrderId &&
            orderIdField == command.orderId &&
            instrument == command.instrument &&
            gpus == command.gpus &&
            durationMinutes == command.durationMinutes &&
            price == command.price &&
            availableUntil == command.availableUntil &&
            minBlock == command.minBlock &&
            timeInForce == command.timeInForce &&
            deadline == command.deadline &&
            contiguous == command.contiguous &&
            postOnly == command.postOnly &&
            preemptible == command.preemptible;
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
        account = 0;
        clientOrderId = 0;
        recordedAt = 0;
        type = null;
        orderIdField = 0;
        instrument = 0;
        gpus = 0;
        durationMinutes = 0;
        price = 0;
        availableUntil = 0;
        minBlock = 0;
        timeInForce = null;
        deadline = 0;
        contiguous = false;
        postOnly = false;
        preemptible = false;
        orderId = 0;
        rejectCode = null;
        order = null;
        status = null;
        remaining = 0;
    }
}
