package com.offpeak.engine.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ObjectPoolTest
{
    private final AtomicInteger made = new AtomicInteger();

    private ObjectPool<Object> pool(final int preallocated)
    {
        return new ObjectPool<>(() ->
        {
            made.incrementAndGet();
            return new Object();
        }, preallocated);
    }

    @Test
    void thePreallocatedObjectsAreMadeUpFrontAndHandedOutBeforeAnyNewOne()
    {
        final ObjectPool<Object> pool = pool(3);
        assertThat(made).as("made at construction").hasValue(3);

        final Map<Object, Boolean> handedOut = new IdentityHashMap<>();
        for (int i = 0; i < 3; i++)
        {
            handedOut.put(pool.acquire(), true);
        }
        assertThat(handedOut).as("three distinct objects").hasSize(3);
        assertThat(made).as("none made on demand yet").hasValue(3);

        pool.acquire();
        assertThat(made).as("the fourth is made when the pool is empty").hasValue(4);
    }

    @Test
    void aReleasedObjectIsReusedBeforeANewOneIsMade()
    {
        final ObjectPool<Object> pool = pool(0);
        final Object first = pool.acquire();
        pool.release(first);
        assertThat(pool.acquire()).isSameAs(first);
        assertThat(made).hasValue(1);
    }
}
