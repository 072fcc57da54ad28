package com.offpeak.gateway.ws;

import io.netty.buffer.ByteBuf;

/**
 * Server-to-client WebSocket text frames (RFC 6455 §5.2: FIN, opcode 1, no mask, 7/16/64-bit
 * length), encoded straight into the buffer that carries a connection's whole batch, so a batch
 * is one buffer and one socket write rather than a frame object, a header buffer and a copy per
 * message. Never compressed: with permessage-deflate negotiated, RSV1 clear says "this message is
 * not compressed" (RFC 7692 §6), which every client must accept.
 */
final class TextFrames
{
    /** A batch is cut into buffers of about this size, so a burst never needs one huge allocation. */
    static final int CHUNK_BYTES = 64 * 1024;
    /** A buffer's first size: a typical batch (an answer and a few private events) fits, a larger one grows it. */
    static final int FIRST_BYTES = 1024;
    private static final int FIN_TEXT = 0x81;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private TextFrames()
    {
    }

    /** Header and payload of one frame; at most 10 header bytes. */
    static void append(final ByteBuf out, final byte[] payload)
    {
        final int length = payload.length;
        out.ensureWritable(length + 10);
        out.writeByte(FIN_TEXT);
        if (length < LENGTH_16)
        {
            out.writeByte(length);
        }
        else if (length <= 0xFFFF)
        {
            out.writeByte(LENGTH_16);
            out.writeShort(length);
        }
        else
        {
            out.writeByte(LENGTH_64);
            out.writeLong(length);
        }
        out.writeBytes(payload);
    }
}
