package com.offpeak.engine.list;

/**
 * An intrusive doubly linked list: O(1) append and O(1) removal by link, no node allocated, and
 * iteration in insertion order with no iterator object. It is the engine's ordered collections
 * off the matching path: an account's open orders and the live orders in id order (ids only grow,
 * so appending keeps id order), the running leases, the clientOrderId records in arrival order.
 * A price level's time priority is the one list kept inline instead (see {@code PriceLevel}).
 */
public final class LinkedQueue<T>
{
    private Link<T> head;
    private Link<T> tail;
    private int size;

    public T first()
    {
        return head == null ? null : head.item();
    }

    public T last()
    {
        return tail == null ? null : tail.item();
    }

    public int size()
    {
        return size;
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    public void append(final Link<T> link)
    {
        claim(link);
        link.prev = tail;
        link.next = null;
        if (tail == null)
        {
            head = link;
        }
        else
        {
            tail.next = link;
        }
        tail = link;
    }

    public void prepend(final Link<T> link)
    {
        claim(link);
        link.prev = null;
        link.next = head;
        if (head == null)
        {
            tail = link;
        }
        else
        {
            head.prev = link;
        }
        head = link;
    }

    public void remove(final Link<T> link)
    {
        if (link.queue != this)
        {
            throw new IllegalStateException("link of " + link.item() + " is not in this queue");
        }
        if (link.prev == null)
        {
            head = link.next;
        }
        else
        {
            link.prev.next = link.next;
        }
        if (link.next == null)
        {
            tail = link.prev;
        }
        else
        {
            link.next.prev = link.prev;
        }
        link.prev = null;
        link.next = null;
        link.queue = null;
        size--;
    }

    private void claim(final Link<T> link)
    {
        if (link.queue != null)
        {
            throw new IllegalStateException("link of " + link.item() + " is already queued");
        }
        link.queue = this;
        size++;
    }
}
