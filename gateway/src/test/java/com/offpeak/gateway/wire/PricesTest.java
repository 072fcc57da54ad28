package com.offpeak.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PricesTest
{
    @ParameterizedTest
    @CsvSource({"2.10,2100000", "2,2000000", "0.000001,1", "0.5,500000", "12.345678,12345678", "0,0", "007.10,7100000"})
    void parsesDecimalStrings(final String text, final long micros)
    {
        assertThat(Prices.parse(text)).isEqualTo(micros);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "2.", ".5", "-1", "+1", "1e3", "2.1234567", "1,5", " 1", "1 ", "NaN", "Infinity", "0x10",
        "99999999999999999999", "9223372036855", "1.2.3", "２"})
    void rejectsAnythingElse(final String text)
    {
        assertThat(Prices.parse(text)).isEqualTo(Prices.INVALID);
    }

    @ParameterizedTest
    @CsvSource({"2100000,2.10", "2000000,2.00", "1,0.000001", "2015000,2.015", "500000,0.50", "0,0.00", "123456789,123.456789"})
    void formatsCanonically(final long micros, final String text)
    {
        assertThat(Prices.format(micros)).isEqualTo(text);
        assertThat(Prices.parse(text)).isEqualTo(micros);
    }
}
