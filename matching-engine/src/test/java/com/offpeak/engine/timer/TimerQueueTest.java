package com.offpeak.engine.timer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimerQueueTest
{
    private record Timer(long due, int kind, long id, int handle)
    {
    }

    private static final Comparator<Timer> FIRING_ORDER =
        Comparator.comparingLong(Timer::due).thenComparingInt(Timer::kind).thenComparingLong(Timer::id);

    /** Random pushes, pops and cancels (live and stale handles) against a sorted set; due times collide often to exercise the tie-breaks. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void firesInDueKindIdOrderWithCancels(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final TimerQueue queue = new TimerQueue();
        final TreeSet<Timer> expected = new TreeSet<>(FIRING_ORDER);
        final List<Timer> gone = new ArrayList<>();
        long nextId = 1;
        for (int step = 0; step < 10_000; step++)
        {
            final String where = "seed " + seed + " step " + step;
            final int op = random.nextInt(10);
            if (op < 5 || expected.isEmpty())
            {
                final long due = random.nextLong(500);
                final int kind = random.nextInt(3);
                final long id = random.nextInt(8) == 0 ? random.nextLong(1L << 61) : nextId++;
                final Timer timer = new Timer(due, kind, id, queue.push(due, kind, id));
                if (!expected.add(timer))
                {
                    queue.cancel(timer.handle(), kind, id);
                }
            }
            else if (op < 8)
            {
                final Timer head = expected.pollFirst();
                assertThat(new long[] {queue.peekDue(), queue.peekKind(), queue.peekId()}).as(where)
                    .containsExactly(head.due(), head.kind(), head.id());
                queue.pop();
                gone.add(head);
            }
            else if (op == 8)
            {
                final Timer victim = pick(expected, random);
                assertThat(victim).as(where).isNotNull();
                assertThat(queue.cancel(victim.handle(), victim.kind(), victim.id())).as(where).isTrue();
                expected.remove(victim);
                gone.add(victim);
            }
            else if (!gone.isEmpty())
            {
                // The handle may already serve another timer: naming the old one must leave it alone.
                final Timer stale = gone.get(random.nextInt(gone.size()));
                assertThat(queue.cancel(stale.handle(), stale.kind(), stale.id())).as(where).isFalse();
            }
            assertThat(queue.size()).as(where).isEqualTo(expected.size());
            if (step % 64 == 0)
            {
                assertHeapOrdered(queue, where);
            }
        }
        while (!expected.isEmpty())
        {
            final Timer head = expected.pollFirst();
            assertThat(queue.peekId()).as("seed %d draining", seed).isEqualTo(head.id());
            queue.pop();
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void cancelOfAFiredTimerDoesNotTouchTheTimerReusingItsHandle()
    {
        final TimerQueue queue = new TimerQueue();
        final int first = queue.push(10, TimerQueue.ORDER_EXPIRY, 1);
        queue.pop();
        final int second = queue.push(20, TimerQueue.ORDER_EXPIRY, 2);

        assertThat(second).isEqualTo(first);
        assertThat(queue.cancel(first, TimerQueue.ORDER_EXPIRY, 1)).isFalse();
        assertThat(queue.cancel(-1, TimerQueue.ORDER_EXPIRY, 2)).isFalse();
        assertThat(queue.cancel(12345, TimerQueue.ORDER_EXPIRY, 2)).isFalse();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.cancel(second, TimerQueue.ORDER_EXPIRY, 2)).isTrue();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void growsPastItsInitialCapacityKeepingHandlesValid()
    {
        final TimerQueue queue = new TimerQueue();
        final int[] handles = new int[5000];
        for (int i = 0; i < handles.length; i++)
        {
            handles[i] = queue.push(10_000 - i, TimerQueue.LEASE_END, i + 1);
        }
        for (int i = 0; i < handles.length; i += 2)
        {
            assertThat(queue.cancel(handles[i], TimerQueue.LEASE_END, i + 1)).isTrue();
        }
        for (int i = handles.length - 1; i >= 1; i -= 2)
        {
            assertThat(queue.peekId()).isEqualTo(i + 1);
            queue.pop();
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void rejectsAKindOrIdTheLayoutCannotHold()
    {
        final TimerQueue queue = new TimerQueue();
        assertThatThrownBy(() -> queue.push(1, 3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.push(1, TimerQueue.LEASE_END, 1L << 61)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.push(1, TimerQueue.LEASE_END, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.isEmpty()).isTrue();
    }

    private static void assertHeapOrdered(final TimerQueue queue, final String where)
    {
        for (int i = 1; i < queue.size(); i++)
        {
            final int parent = TimerQueue.parentOf(i);
            final Timer up = new Timer(queue.dueAt(parent), queue.kindAt(parent), queue.idAt(parent), 0);
            final Timer down = new Timer(queue.dueAt(i), queue.kindAt(i), queue.idAt(i), 0);
            if (FIRING_ORDER.compare(up, down) > 0)
            {
                assertThat(up).as("%s: heap order at %d", where, i).isEqualTo(down);
            }
        }
    }

    /** A pending timer at or after a random point of the firing order (anywhere in the heap, not just near its head). */
    private static Timer pick(final TreeSet<Timer> timers, final SplittableRandom random)
    {
        final Timer probe = new Timer(random.nextLong(500), random.nextInt(3), 0, 0);
        final Timer after = timers.ceiling(probe);
        return after != null ? after : timers.first();
    }
}
