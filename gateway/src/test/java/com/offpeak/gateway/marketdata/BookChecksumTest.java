package com.offpeak.gateway.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.engine.Side;
import org.junit.jupiter.api.Test;

class BookChecksumTest
{
    /** The worked example of docs/api.md ("Book checksum"), cross-checked with Python zlib.crc32; if this changes, clients break. */
    @Test
    void documentedTestVector()
    {
        final DepthBook book = new DepthBook();
        book.apply(Side.BID, 2_100_000, 8, 1);
        book.apply(Side.BID, 2_000_000, 16, 2);
        book.apply(Side.ASK, 2_150_000, 4, 1);
        book.apply(Side.ASK, 2_500_000, 24, 3);

        assertThat(book.checksumInput().toString()).isEqualTo("2.10:8:2.00:16:2.15:4:2.50:24");
        assertThat(book.checksum()).isEqualTo(BookChecksum.of("2.10:8:2.00:16:2.15:4:2.50:24")).isEqualTo(47_948_553L);
    }

    @Test
    void emptyBookHashesTheEmptyString()
    {
        assertThat(new DepthBook().checksum()).isZero();
    }

    @Test
    void onlyTopTenLevelsPerSideCount()
    {
        final DepthBook book = new DepthBook();
        for (int i = 1; i <= 12; i++)
        {
            book.apply(Side.BID, i * 10_000L, i, 1);
            book.apply(Side.ASK, 1_000_000L + i * 10_000L, i, 1);
        }
        final long before = book.checksum();
        book.apply(Side.BID, 10_000L, 99, 1); // 12th best bid
        book.apply(Side.ASK, 1_120_000L, 99, 1); // 12th best ask
        assertThat(book.checksum()).isEqualTo(before);
        book.apply(Side.BID, 120_000L, 99, 1); // best bid
        assertThat(book.checksum()).isNotEqualTo(before);
        assertThat(book.checksumInput().toString()).startsWith("0.12:99:0.11:11:").contains(":1.01:1:1.02:2:");
    }
}
