package com.offpeak.engine;

/** Read-only visit of one depth level: total GPUs and the number of orders with GPUs at that price. */
@FunctionalInterface
public interface LevelView
{
    void level(long price, int gpus, int orders);
}
