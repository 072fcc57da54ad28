package com.offpeak.engine.pool;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A free list of reusable objects. It starts with {@code preallocated} objects made up front and
 * grows on demand (a new object when empty), so the engine allocates only while its high-water mark
 * rises above them, never per order in steady state. Made up front, the objects reach the old
 * generation before the first order and stay there; made on demand, a long-lived one (a lease's
 * order) is copied by every young collection it survives until it is promoted. Objects are reset
 * by their owner on acquire, not here, because only the owner knows its fields.
 */
public final class ObjectPool<T>
{
    private final Supplier<T> factory;
    private Object[] free;
    private int size;

    public ObjectPool(final Supplier<T> factory, final int preallocated)
    {
        this.factory = factory;
        this.free = new Object[Math.max(1, preallocated)];
        while (size < preallocated)
        {
            free[size++] = factory.get();
        }
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
