package com.offpeak.study;

import com.offpeak.engine.catalog.Instrument;

/**
 * When an owner's GPUs sit idle. Current generations live in datacentre clusters busy with the
 * owner's own work in office hours and idle at night and at weekends; old generations (Volta,
 * Turing) are kept for a few jobs and idle most of the time whatever the hour.
 */
enum FleetProfile
{
    DATACENTRE
    {
        @Override
        double idleShare(final long time)
        {
            // 60 % idle at 03:00, 10 % at 15:00 on weekdays; a weekend adds 30 points.
            final double weekday = 0.35 + 0.25 * StrictMath.cos((StudyTime.hourOfDay(time) - 3) / 24 * 2 * Math.PI);
            return StudyTime.weekend(time) ? Math.min(0.9, weekday + 0.3) : weekday;
        }
    },
    LEGACY
    {
        @Override
        double idleShare(final long time)
        {
            return 0.78 + 0.07 * StrictMath.cos((StudyTime.hourOfDay(time) - 3) / 24 * 2 * Math.PI);
        }
    };

    /** The last generation year that counts as legacy. */
    private static final int LEGACY_UNTIL_YEAR = 2018;

    /** Expected share of a fleet's nodes idle at {@code time}. */
    abstract double idleShare(long time);

    static FleetProfile of(final Instrument instrument)
    {
        return instrument.year() <= LEGACY_UNTIL_YEAR ? LEGACY : DATACENTRE;
    }
}
