package com.offpeak.study;

/**
 * The simulation's calendar. Engine time is epoch milliseconds; the study starts on a Monday at
 * 00:00 UTC so that day 5 and 6 of every week are the weekend, and reports by hour of the day.
 */
final class StudyTime
{
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** Monday 2026-01-05 00:00 UTC. */
    static final long START = 1_767_571_200_000L;

    private StudyTime()
    {
    }

    /** Whole hours since {@link #START}: the index of an hour bucket. */
    static int hourIndex(final long time)
    {
        return (int)((time - START) / HOUR);
    }

    static int dayIndex(final long time)
    {
        return (int)((time - START) / DAY);
    }

    /** Hour of the day (0–23) as a fraction, for the demand and idle curves. */
    static double hourOfDay(final long time)
    {
        return (double)((time - START) % DAY) / HOUR;
    }

    static boolean weekend(final long time)
    {
        return dayIndex(time) % 7 >= 5;
    }
}
