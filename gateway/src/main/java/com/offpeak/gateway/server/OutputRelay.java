package com.offpeak.gateway.server;

import com.offpeak.pipeline.OutputSubscriber;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The pipeline's hand-off to the gateway: on the thread running the pipeline's publish stage (one
 * at a time, so the ring has a single producer), each command's
 * output is copied into a single-producer ring and the gateway's publisher context is woken —
 * one memcpy, no allocation, never a wait. If the ring is full the output is dropped rather than
 * block the pipeline, and the loss is flagged: the reader then catches up from the output
 * journal, which already holds everything dropped (outputs reach subscribers only after they
 * are journaled), so nothing is lost, only late.
 */
public final class OutputRelay implements OutputSubscriber
{
    /** Message header: sequence and time of the command, then its output records. */
    static final int HEADER = 2 * Long.BYTES;
    private static final int OUTPUT = 1;

    private final OneToOneRingBuffer ring;
    private final AtomicBuffer ringBuffer;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final AtomicLong droppedOutputs = new AtomicLong();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final Runnable wake;

    /**
     * @param capacityBytes ring size, a power of two
     * @param wake          asks the reader's context to drain (called at most once per drain)
     */
    public OutputRelay(final int capacityBytes, final Runnable wake)
    {
        ringBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(capacityBytes + RingBufferDescriptor.TRAILER_LENGTH));
        ring = new OneToOneRingBuffer(ringBuffer);
        this.wake = wake;
    }

    @Override
    public void onOutput(final long sequence, final long time, final DirectBuffer output, final int length)
    {
        final int claimed = length + HEADER <= ring.maxMsgLength() ? ring.tryClaim(OUTPUT, length + HEADER) : -1;
        if (claimed < 0)
        {
            droppedOutputs.incrementAndGet();
            lost.set(true); // before any later output is committed: the reader checks it per message
        }
        else
        {
            ringBuffer.putLong(claimed, sequence);
            ringBuffer.putLong(claimed + Long.BYTES, time);
            ringBuffer.putBytes(claimed + HEADER, output, 0, length);
            ring.commit(claimed);
        }
        if (wakeScheduled.compareAndSet(false, true))
        {
            wake.run();
        }
    }

    /** Reader side: clears the wake flag first, so outputs arriving during the drain schedule another. */
    public int drain(final MessageHandler handler)
    {
        wakeScheduled.set(false);
        int total = 0;
        int read;
        while ((read = ring.read(handler)) > 0)
        {
            total += read;
        }
        return total;
    }

    /** True once after outputs were dropped: the reader must catch up from the journal. */
    public boolean takeLoss()
    {
        return lost.getAndSet(false);
    }

    public long droppedOutputs()
    {
        return droppedOutputs.get();
    }
}
