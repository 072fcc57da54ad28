package com.offpeak.engine;

import com.offpeak.engine.model.CrossCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine against the reference model (docs/matching.md in executable form) over seeded random
 * command streams: 20 seeds x 5,000 commands, every event, every depth level, every view and the
 * book invariants compared after every command. A failure names the seed, the step, the command
 * and the first difference; rerun one seed with {@code -Dtest='MatchingEnginePropertyTest'}.
 */
class MatchingEnginePropertyTest
{
    private static final int STEPS = 5_000;
    private static final int DETERMINISM_STEPS = 3_000;

    static LongStream seeds()
    {
        return LongStream.rangeClosed(1, 20);
    }

    static LongStream determinismSeeds()
    {
        return LongStream.of(101, 102, 103);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void engineAgreesWithTheReferenceModel(final long seed)
    {
        assertThat(CrossCheck.run(seed, STEPS, CrossCheck.configFor(seed))).as("seed=%d", seed).isNull();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("determinismSeeds")
    void sameCommandsGiveTheSameEventsAndStateHash(final long seed)
    {
        assertThat(CrossCheck.determinism(seed, DETERMINISM_STEPS, CrossCheck.configFor(seed))).as("seed=%d", seed).isNull();
    }
}
