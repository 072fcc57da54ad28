package com.offpeak.pipeline;

import org.agrona.DirectBuffer;

/**
 * Told once per submitted command, on the thread running the publish stage (the stage thread, or an
 * event loop that ran the stages itself, see {@link Pipeline#trySubmitOnLoop}), when the command is in the input
 * journal (under the configured durability), applied, and its output journaled. Implementations
 * hand off quickly (e.g. to the connection's event loop) and never block: they run on the
 * pipeline's last stage. {@code output} holds the command's records (decode with
 * {@code OutputDecoder}); it is only valid during the call.
 */
@FunctionalInterface
public interface Acknowledger
{
    void acknowledged(long correlationId, long sequence, DirectBuffer output, int length);
}
