package com.offpeak.ledger.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTest
{
    @Test
    void notionalIsFlooredPerHour()
    {
        assertThat(Amounts.notional(2_100_000, 8, 90)).isEqualTo(25_200_000);
        assertThat(Amounts.notional(1, 1, 59)).isZero();
        assertThat(Amounts.notional(7, 1, 61)).isEqualTo(7); // 7.116.. floors
    }

    @Test
    void notionalOverflowIsReportedNotWrapped()
    {
        assertThat(Amounts.notional(Long.MAX_VALUE / 2, 3, 60)).isEqualTo(Amounts.OVERFLOW);
        assertThat(Amounts.notional(Long.MAX_VALUE / 120, 2, 60)).isEqualTo(Long.MAX_VALUE / 120 * 2);
        assertThat(Amounts.notional(1L << 40, 1 << 20, 1 << 4)).isEqualTo(Amounts.OVERFLOW);
    }

    @Test
    void feesRoundUp()
    {
        assertThat(Amounts.fee(9_000_000, 25)).isEqualTo(22_500);
        assertThat(Amounts.fee(1, 25)).isEqualTo(1);
        assertThat(Amounts.fee(0, 25)).isZero();
        assertThat(Amounts.fee(399, 25)).isEqualTo(1);
        assertThat(Amounts.fee(401, 25)).isEqualTo(2);
        assertThat(Amounts.fee(Long.MAX_VALUE, 10_000)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void cumulativeFeeRoundsOnceOverBothRates()
    {
        // 0.1 + 0.25 micro-units: rounded once it is 1, rounded per fill it would be 2.
        assertThat(Amounts.cumulativeFee(100, 10, 100, 25)).isEqualTo(1);
        assertThat(Amounts.cumulativeFee(Long.MAX_VALUE, 10, 1, 25)).isEqualTo(Amounts.OVERFLOW);
    }

    @Test
    void sharesSplitWithoutLosingAMicroUnit()
    {
        assertThat(Amounts.floorShare(1000, 3, 7)).isEqualTo(428);
        assertThat(Amounts.ceilShare(1000, 3, 7)).isEqualTo(429);
        assertThat(Amounts.floorShare(1000, 7, 7)).isEqualTo(1000);
        assertThat(Amounts.ceilShare(1000, 0, 7)).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyRuleMatchesBigIntegerArithmetic(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++)
        {
            final long amount = random.nextLong(0, Long.MAX_VALUE);
            final int whole = random.nextInt(1, Integer.MAX_VALUE);
            final int part = random.nextInt(0, whole + 1);
            final int bps = random.nextInt(0, 10_001);
            final BigInteger a = BigInteger.valueOf(amount);
            final BigInteger[] floor = a.multiply(BigInteger.valueOf(part)).divideAndRemainder(BigInteger.valueOf(whole));
            assertThat(Amounts.floorShare(amount, part, whole)).as("seed %d floor %d*%d/%d", seed, amount, part, whole)
                .isEqualTo(floor[0].longValueExact());
            assertThat(Amounts.ceilShare(amount, part, whole)).as("seed %d ceil", seed)
                .isEqualTo(floor[0].longValueExact() + (floor[1].signum() == 0 ? 0 : 1));
            final BigInteger[] fee = a.multiply(BigInteger.valueOf(bps)).divideAndRemainder(BigInteger.valueOf(10_000));
            assertThat(Amounts.fee(amount, bps)).as("seed %d fee", seed).isEqualTo(fee[0].longValueExact() + (fee[1].signum() == 0 ? 0 : 1));
            final long price = random.nextLong(1, 1L << random.nextInt(1, 62));
            final int gpus = random.nextInt(1, 1 << 16);
            final int minutes = random.nextInt(1, 1 << 20);
            final BigInteger product = BigInteger.valueOf(price).multiply(BigInteger.valueOf(gpus)).multiply(BigInteger.valueOf(minutes));
            final long expected = product.bitLength() < 64 ? product.divide(BigInteger.valueOf(60)).longValueExact() : Amounts.OVERFLOW;
            assertThat(Amounts.notional(price, gpus, minutes)).as("seed %d notional", seed).isEqualTo(expected);
        }
    }

    @Test
    void decimalStringsAreExact()
    {
        assertThat(MicroUsd.format(12_345_678)).isEqualTo("12.345678");
        assertThat(MicroUsd.format(1)).isEqualTo("0.000001");
        assertThat(MicroUsd.format(-1)).isEqualTo("-0.000001");
        assertThat(MicroUsd.format(-3_500_000)).isEqualTo("-3.500000");
        assertThat(MicroUsd.format(0)).isEqualTo("0.000000");
        assertThat(MicroUsd.format(Long.MIN_VALUE)).isEqualTo("-9223372036854.775808");
    }
}
