package com.offpeak.engine.list;

/**
 * One membership of an object in a {@link LinkedQueue}. An object that sits in several queues at
 * once (an order: its account, the live orders) owns one link per queue, created
 * with it; objects are pooled, so links are never allocated per command.
 */
public final class Link<T>
{
    private final T item;
    Link<T> prev;
    Link<T> next;
    LinkedQueue<T> queue;

    public Link(final T item)
    {
        this.item = item;
    }

    public T item()
    {
        return item;
    }

    /** The item after this one in its queue, or null at the end (or when not queued). */
    public T nextItem()
    {
        return next == null ? null : next.item;
    }

    public boolean isLinked()
    {
        return queue != null;
    }

    /** Leaves the queue it is in, which the link knows: its owner need not look the queue up. */
    public void unlink()
    {
        if (queue == null)
        {
            throw new IllegalStateException("link of " + item + " is not queued");
        }
        queue.remove(this);
    }
}
