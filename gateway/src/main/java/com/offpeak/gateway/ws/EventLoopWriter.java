package com.offpeak.gateway.ws;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

/**
 * The sessions of one event loop that have messages waiting, and the one task that writes them.
 * Messages for a connection come from the pipeline's publisher thread (answers), the gateway's
 * publisher context (private events, market data) and the connection's own event loop (errors,
 * pings); whoever queues the first message of a session marks the session here, and the first
 * mark since the last run hands a single task to the event loop. So a pipeline batch that
 * produces hundreds of messages for dozens of connections costs one hop (and at most one wake-up)
 * per event loop, and one flush — one socket write — per connection, instead of a hop and a
 * write system call per message.
 */
final class EventLoopWriter implements Runnable
{
    private final EventExecutor eventLoop;
    private final ManyToOneConcurrentLinkedQueue<Session> ready = new ManyToOneConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    EventLoopWriter(final EventExecutor eventLoop)
    {
        this.eventLoop = eventLoop;
    }

    /** Any thread: {@code session} has queued messages; it is marked at most once until its messages are written. */
    void schedule(final Session session)
    {
        ready.offer(session);
        if (scheduled.compareAndSet(false, true))
        {
            eventLoop.execute(this);
        }
    }

    /** On the event loop: writes and flushes every marked session. */
    @Override
    public void run()
    {
        // Cleared before draining, so a session marked from now on schedules another run.
        scheduled.set(false);
        Session session;
        while ((session = ready.poll()) != null)
        {
            session.writeQueued();
        }
    }
}
