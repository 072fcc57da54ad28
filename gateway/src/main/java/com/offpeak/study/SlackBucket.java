package com.offpeak.study;

/**
 * How long a deferrable bid can wait: {@code deadline − duration − placement time}, in doubling
 * buckets (1–2 h, 2–4 h, … 32–48 h) so that each holds a comparable share of a log-uniform draw.
 */
final class SlackBucket
{
    private static final long[] UPPER_HOURS = {2, 4, 8, 16, 32, 48};
    private static final String[] LABELS = {"1-2h", "2-4h", "4-8h", "8-16h", "16-32h", "32-48h"};

    static final int COUNT = UPPER_HOURS.length;

    private SlackBucket()
    {
    }

    static int of(final long slackMillis)
    {
        for (int i = 0; i < COUNT - 1; i++)
        {
            if (slackMillis < UPPER_HOURS[i] * StudyTime.HOUR)
            {
                return i;
            }
        }
        return COUNT - 1;
    }

    static String label(final int bucket)
    {
        return LABELS[bucket];
    }
}
