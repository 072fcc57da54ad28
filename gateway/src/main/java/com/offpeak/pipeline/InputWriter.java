package com.offpeak.pipeline;

/**
 * Fills a claimed ring slot. Pass a non-capturing lambda or a long-lived object with the
 * argument, so submitting allocates nothing: {@code pipeline.submit(MyCodec::decodeInto, frame, ack, id)}.
 */
@FunctionalInterface
public interface InputWriter<A>
{
    void write(InputCommand slot, A argument);
}
