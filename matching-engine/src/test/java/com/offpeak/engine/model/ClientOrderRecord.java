package com.offpeak.engine.model;

import com.offpeak.engine.Command;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;

/**
 * The answer a place command got under its clientOrderId: the order it created, or the code it was
 * rejected with. {@code request} is a private copy of the command, to tell an identical retry from
 * a different request under the same id.
 */
record ClientOrderRecord(Command request, long recordedAt, ModelOrder order, RejectCode rejectCode)
{
    boolean sameRequestAs(final Command other)
    {
        return request.type == other.type &&
            request.account == other.account &&
            request.clientOrderId == other.clientOrderId &&
            request.orderId == other.orderId &&
            request.instrument == other.instrument &&
            request.gpus == other.gpus &&
            request.durationMinutes == other.durationMinutes &&
            request.price == other.price &&
            request.availableUntil == other.availableUntil &&
            request.minBlock == other.minBlock &&
            request.timeInForce == other.timeInForce &&
            request.deadline == other.deadline &&
            request.contiguous == other.contiguous &&
            request.postOnly == other.postOnly &&
            request.preemptible == other.preemptible;
    }

    long orderId()
    {
        return order == null ? 0 : order.id;
    }

    OrderStatus status()
    {
        return order == null ? OrderStatus.REJECTED : order.status;
    }

    int remainingGpus()
    {
        return order == null ? 0 : order.reportedRemaining();
    }
}
