package com.offpeak.bench.engine;

import com.offpeak.journal.OutputEncoder;
import com.offpeak.journal.OutputRecordType;
import org.agrona.DirectBuffer;

/**
 * Counts what the engine wrote through the pipeline's {@link OutputEncoder}: records, rejections,
 * fills and the last accepted order id, which the benchmark checks each cycle against the
 * generated stream. Reads only the record framing ({@code [u8 type][u16 payload length]}) and one
 * field, outside the measured time, so the measured work is exactly the engine plus the encoder.
 */
public final class OutputTally
{
    /** Offset of {@code orderId} in an accepted record's payload: after {@code time, account, clientOrderId}. */
    private static final int ACCEPTED_ORDER_ID_OFFSET = 3 * Long.BYTES;

    private long events;
    private long rejections;
    private long fills;
    private long lastAcceptedOrderId;

    /** Adds the records in the first {@code length} bytes of {@code buffer}. */
    public void add(final DirectBuffer buffer, final int length)
    {
        int recordStart = 0;
        while (recordStart < length)
        {
            final int type = buffer.getByte(recordStart) & 0xFF;
            final int payloadStart = recordStart + OutputEncoder.HEADER;
            if (type == OutputRecordType.ACCEPTED)
            {
                lastAcceptedOrderId = buffer.getLong(payloadStart + ACCEPTED_ORDER_ID_OFFSET);
            }
            else if (type == OutputRecordType.REJECTED)
            {
                rejections++;
            }
            else if (type == OutputRecordType.FILL)
            {
                fills++;
            }
            events++;
            recordStart = payloadStart + (buffer.getShort(recordStart + 1) & 0xFFFF);
        }
    }

    public long events()
    {
        return events;
    }

    public long rejections()
    {
        return rejections;
    }

    public long fills()
    {
        return fills;
    }

    /** The id of the last accepted order: after a cycle, the engine's order count. */
    long lastAcceptedOrderId()
    {
        return lastAcceptedOrderId;
    }
}
