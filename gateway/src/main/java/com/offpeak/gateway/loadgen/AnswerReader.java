package com.offpeak.gateway.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;

/**
 * The one thread that reads every trading connection of the load generator: it sleeps in the
 * selector until answers arrive and times each as soon as it is scheduled, with no hand-off between.
 */
final class AnswerReader implements AutoCloseable
{
    private static final long SELECT_MILLIS = 100;

    private final Selector selector;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    AnswerReader(final TradingConnection[] connections) throws IOException
    {
        selector = Selector.open();
        for (final TradingConnection connection : connections)
        {
            connection.socket().channel().register(selector, SelectionKey.OP_READ, connection);
        }
        thread = new Thread(this::run, "loadgen-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void run()
    {
        try
        {
            while (running)
            {
                selector.select(SELECT_MILLIS);
                final Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext())
                {
                    final SelectionKey key = ready.next();
                    ready.remove();
                    if (!((TradingConnection)key.attachment()).onReadable())
                    {
                        key.cancel();
                    }
                }
            }
        }
        catch (final IOException | RuntimeException e)
        {
            if (running)
            {
                failure = e;
            }
        }
    }

    /** Throws what stopped the reader, if anything did. */
    void check()
    {
        if (failure != null)
        {
            throw new UncheckedIOException(new IOException("the load generator's reader failed", failure));
        }
    }

    @Override
    public void close() throws IOException
    {
        running = false;
        selector.wakeup();
        try
        {
            thread.join(1000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        selector.close();
    }
}
