package com.offpeak.ledger.transfer;

import net.openhft.chronicle.bytes.Bytes;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TransferCodecTest
{
    @Test
    void roundTripsEveryFieldInTheDocumentedLayout()
    {
        final byte[] encoded = new byte[TransferCodec.LENGTH];
        TransferCodec.encode(new UnsafeBuffer(encoded), 0, 42, 1_780_000_000_000L, 57, 3, 9_000_000, TransferReason.FILL_NOTIONAL, 11, 501, -5L);
        final Bytes<?> bytes = Bytes.wrapForRead(encoded);

        assertThat(bytes.readRemaining()).isEqualTo(TransferCodec.LENGTH);
        assertThat(bytes.readByte(0)).isEqualTo(TransferCodec.RECORD_TYPE);
        assertThat(bytes.readLong(TransferCodec.AMOUNT_OFFSET)).isEqualTo(9_000_000);
        final TransferRecord record = new TransferRecord();
        assertThat(TransferCodec.decode(bytes, record)).isEqualTo(TransferCodec.Decoded.TRANSFER);
        assertThat(record.transferId()).isEqualTo(42);
        assertThat(record.time()).isEqualTo(1_780_000_000_000L);
        assertThat(record.debitAccount()).isEqualTo(57);
        assertThat(record.creditAccount()).isEqualTo(3);
        assertThat(record.amount()).isEqualTo(9_000_000);
        assertThat(TransferReason.ofCode(record.reasonCode())).isEqualTo(TransferReason.FILL_NOTIONAL);
        assertThat(record.ref()).isEqualTo(11);
        assertThat(record.leaseId()).isEqualTo(501);
        assertThat(record.checksum()).isEqualTo(-5L);
    }

    @Test
    void otherRecordTypesAndShortRecordsAreRecognised()
    {
        final TransferRecord record = new TransferRecord();
        assertThat(TransferCodec.decode(Bytes.wrapForRead(new byte[] {4, 1, 2, 3}), record)).isEqualTo(TransferCodec.Decoded.OTHER_RECORD);
        assertThat(TransferCodec.decode(Bytes.allocateElasticOnHeap(8), record)).isEqualTo(TransferCodec.Decoded.OTHER_RECORD);
        assertThat(TransferCodec.decode(Bytes.wrapForRead(new byte[] {TransferCodec.RECORD_TYPE, 1, 2}), record))
            .isEqualTo(TransferCodec.Decoded.TRUNCATED);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void changingAnySingleFieldChangesTheChecksum(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++)
        {
            final long[] fields = new long[9];
            for (int f = 0; f < fields.length; f++)
            {
                fields[f] = random.nextLong();
            }
            fields[6] = random.nextInt(1, 11);
            final long original = checksum(fields);
            final int field = random.nextInt(fields.length);
            fields[field] += random.nextInt(2) == 0 ? 1 : random.nextLong() | 1;
            assertThat(checksum(fields)).as("seed %d, field %d", seed, field).isNotEqualTo(original);
        }
    }

    private static long checksum(final long[] f)
    {
        return TransferChecksum.chain(f[0], f[1], f[2], f[3], f[4], f[5], (int)f[6], f[7], f[8]);
    }
}
