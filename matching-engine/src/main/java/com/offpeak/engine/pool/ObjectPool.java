package com.offpeak.engine.pool;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A free list of reusable objects. It grows on demand (a new object when empty), so the engine
 * allocates only while its high-water mark rises, never per order in steady state. Objects are
 * reset by their owner on acquire, not here, because only the owner knows its fields.
 */
public final class ObjectPool<T>
{
    private final Supplier<T> factory;
    private Object[] free;
    private int size;

    public ObjectPool(final Supplier<T> factory, final int initialCapacity)
    {
        this.factory = factory;
        this.free = new Object[Math.max(1, initialCapacity)];
    }

    @SuppressWarnings("unchecked")
    public T acquire()
    {
        if (size == 0)
        {
            return factory.get();
        }
        final T item = (T)free[--size];
        free[size] = null;
        return item;
    }

    public void release(final T item)
    {
        if (size == free.length)
        {
            free = Arrays.copyOf(free, size * 2);
        }
        free[size++] = item;
    }
}
