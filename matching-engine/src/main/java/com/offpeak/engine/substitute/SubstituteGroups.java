package com.offpeak.engine.substitute;

import com.offpeak.engine.order.Order;
import com.offpeak.engine.order.OrderIndex;

import java.util.Arrays;

/**
 * The "first fill decides" rule of a substitutes bid while its alternatives rest: the first fill of
 * any alternative voids its open siblings at once (they stop trading, so a walk in progress skips
 * them), and they are cancelled before the engine step ends. Cancelling them inside the walk would
 * pull orders out of the very level queue or book side being walked; voiding first keeps the walk
 * simple and the outcome the same.
 */
public final class SubstituteGroups
{
    private Order[] voided = new Order[16];
    private int count;
    private int next;

    /**
     * {@code winner} is about to get a fill: if it is an undecided alternative, every open sibling
     * is voided and queued for cancellation, and the winner is left alone in its group (still not
     * amendable).
     */
    public void firstFill(final Order winner, final OrderIndex openOrders)
    {
        if (winner.substituteCount <= 1)
        {
            return;
        }
        for (int i = 0; i < winner.substituteCount; i++)
        {
            final Order sibling = openOrders.get(winner.substituteGroup + i);
            if (sibling != null && sibling != winner && sibling.substituteGroup == winner.substituteGroup)
            {
                sibling.substituteVoided = true;
                if (count == voided.length)
                {
                    voided = Arrays.copyOf(voided, count * 2);
                }
                voided[count++] = sibling;
            }
        }
        winner.substituteCount = 1;
    }

    /** The next voided alternative still open, in the order they were voided; null when none is left. */
    public Order pollVoided()
    {
        while (next < count)
        {
            final Order order = voided[next];
            voided[next++] = null;
            if (order.open && order.substituteVoided)
            {
                return order;
            }
        }
        count = 0;
        next = 0;
        return null;
    }
}
