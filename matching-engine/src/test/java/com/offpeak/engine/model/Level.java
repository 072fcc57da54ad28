package com.offpeak.engine.model;

/** One depth level as a value, so that depth from different sources compares with {@code equals}. */
public record Level(long price, int gpus, int orders)
{
}
