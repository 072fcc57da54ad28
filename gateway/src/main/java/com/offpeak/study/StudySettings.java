package com.offpeak.study;

/**
 * What a study run is asked for: its length, its seed, and the share of deferrable bids that
 * accept preemption (0 turns preemption off: only preemptible leases can be taken).
 */
record StudySettings(int days, long seed, double preemptibleShare)
{
    static final double DEFAULT_PREEMPTIBLE_SHARE = 0.7;

    StudySettings
    {
        if (days < 1 || days > 366)
        {
            throw new IllegalArgumentException("--days must be between 1 and 366, got " + days);
        }
        if (!(preemptibleShare >= 0 && preemptibleShare <= 1))
        {
            throw new IllegalArgumentException("--preemptible-share must be between 0 and 1, got " + preemptibleShare);
        }
    }
}
