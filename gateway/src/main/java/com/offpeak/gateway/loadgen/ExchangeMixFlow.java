package com.offpeak.gateway.loadgen;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * An amend-heavy mix like the matching engine benchmark's and exchange-core's ({@code --mix
 * exchange}): each connection first rests four orders on the traded instrument (owners' asks at
 * 1.05, buyers' GTC bids at 0.95, so they never cross) and then, of every 20 requests, amends them
 * 18 times (each to a new price in a band of ten cents, with 8 or 7 GPUs),
 * and twice takes part in trading on a second instrument: owners post an 8-GPU ask at 1.00 and later
 * cancel their asks there, buyers send an 8-GPU IOC bid at 1.00. About one request in 40 trades,
 * so the running leases grow 20 times slower than with {@link FillsFlow}.
 */
final class ExchangeMixFlow implements OrderFlow
{
    private static final int RESTING = 4;
    private static final int CYCLE = 20;
    private static final int PRICES = 10;
    private static final byte[] AMEND = OrderFlow.ascii(",\"op\":\"amend\",\"orderId\":");
    private static final byte[] EIGHT_GPUS = OrderFlow.ascii(",\"gpus\":8,\"price\":\"");
    private static final byte[] SEVEN_GPUS = OrderFlow.ascii(",\"gpus\":7,\"price\":\"");
    private static final byte[] END = OrderFlow.ascii("\"}");

    private final byte[] place;
    /** Writes the trading requests: owners post, then cancel; buyers bid twice. */
    private final FillsFlow trading;
    private final byte[][] prices = new byte[PRICES][];
    private final long[] resting = new long[RESTING];

    /**
     * @param instrument      where the resting orders are amended
     * @param tradeInstrument where the fills happen
     */
    ExchangeMixFlow(final boolean buyer, final String instrument, final String tradeInstrument)
    {
        place = OrderFlow.ascii(buyer
            ? ",\"op\":\"placeBid\",\"instrument\":\"" + instrument + "\",\"gpus\":8,\"durationMinutes\":60,\"price\":\"0.95\",\"timeInForce\":\"GTC\"}"
            : ",\"op\":\"placeAsk\",\"instrument\":\"" + instrument + "\",\"gpus\":8,\"price\":\"1.05\",\"availableForMinutes\":600}");
        trading = new FillsFlow(buyer, tradeInstrument);
        for (int i = 0; i < PRICES; i++)
        {
            prices[i] = OrderFlow.ascii(String.format(Locale.ROOT, "%.2f", (buyer ? 0.90 : 1.05) + i / 100.0));
        }
    }

    @Override
    public int restingOrders()
    {
        return RESTING;
    }

    @Override
    public void putPlace(final int index, final ByteBuffer request)
    {
        request.put(place);
    }

    @Override
    public void rested(final int index, final long orderId)
    {
        resting[index] = orderId;
    }

    @Override
    public void putNext(final long n, final ByteBuffer request)
    {
        final int step = (int)(n % CYCLE);
        if (step == 0 || step == CYCLE / 2)
        {
            trading.putNext(step == 0 ? 0 : 1, request);
            return;
        }
        request.put(AMEND);
        OrderFlow.putDigits(request, resting[step % RESTING]);
        // Order k is amended at steps k, k+4, ... of a cycle (steps 0 and 10 trade instead), 4 or 8
        // requests apart: 3 × 4 and 3 × 8 are 2 and 4 prices on, so each amend moves it.
        request.put((n / CYCLE & 1) == 0 ? EIGHT_GPUS : SEVEN_GPUS).put(prices[(int)(n * 3 % PRICES)]).put(END);
    }
}
