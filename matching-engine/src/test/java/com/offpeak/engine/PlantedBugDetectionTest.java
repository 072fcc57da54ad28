package com.offpeak.engine;

import com.offpeak.engine.model.CrossCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutation test of the property harness: with each deliberate defect switched on in the engine,
 * the cross-check against the reference model must report a failure within a few seeds; with no
 * defect it must not. A harness that misses a planted bug is not testing the rule it breaks.
 */
class PlantedBugDetectionTest
{
    private static final int MAX_SEEDS = 10;
    private static final int STEPS = 2_000;

    @ParameterizedTest
    @EnumSource(value = PlantedBug.class, names = {"LIFO_AT_LEVEL", "SKIP_LOSES_PRIORITY", "IGNORE_MIN_BLOCK"})
    void harnessDetectsPlantedBug(final PlantedBug bug)
    {
        assertDetected(bug, CrossCheck.Scope.FULL);
    }

    /**
     * The engine's own validate() and its priority sequences would give some bugs away on their
     * own; the model must also catch each one from what clients see (fills, depth, order states).
     */
    @ParameterizedTest
    @EnumSource(value = PlantedBug.class, names = {"LIFO_AT_LEVEL", "SKIP_LOSES_PRIORITY", "IGNORE_MIN_BLOCK"})
    void modelAloneDetectsPlantedBugFromObservableBehaviour(final PlantedBug bug)
    {
        assertDetected(bug, CrossCheck.Scope.OBSERVABLE);
    }

    private static void assertDetected(final PlantedBug bug, final CrossCheck.Scope scope)
    {
        String failure = null;
        for (long seed = 1; seed <= MAX_SEEDS && failure == null; seed++)
        {
            failure = CrossCheck.run(seed, STEPS, CrossCheck.configFor(seed).withPlantedBug(bug), scope);
        }
        assertThat(failure).as("no seed of 1..%d exposed %s (%s)", MAX_SEEDS, bug, scope).isNotNull();
        System.out.println(bug + " caught (" + scope + "): " + String.join("\n  ", failure.lines().limit(4).toList()));
    }

    @Test
    void harnessPassesWithoutPlantedBug()
    {
        for (long seed = 1; seed <= 3; seed++)
        {
            assertThat(CrossCheck.run(seed, STEPS, CrossCheck.configFor(seed))).as("seed=%d", seed).isNull();
        }
    }
}
