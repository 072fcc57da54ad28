package com.offpeak.engine;

import com.offpeak.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MatchingEngine#validate()} has teeth: a planted bug that breaks time priority is reported. */
class InvariantCheckTest
{
    private final Command command = new Command();

    private MatchingEngine engine(final PlantedBug bug)
    {
        return new MatchingEngine(Catalog.loadDefault(), EngineConfig.DEFAULT.withPlantedBug(bug), new RecordingListener(),
            PreTradeCheck.ALLOW_ALL);
    }

    @Test
    void aQueueOutOfTimePriorityIsReported()
    {
        final MatchingEngine engine = engine(PlantedBug.LIFO_AT_LEVEL);
        engine.apply(command.placeBid(T0, 1, 0, H100, 1, 60, USD, TimeInForce.GTC, 0, false, false, false));
        assertThatCode(engine::validate).doesNotThrowAnyException();
        engine.apply(command.placeBid(T0, 2, 0, H100, 1, 60, USD, TimeInForce.GTC, 0, false, false, false));
        assertThatThrownBy(engine::validate).isInstanceOf(IllegalStateException.class).hasMessageContaining("priority");
    }
}
