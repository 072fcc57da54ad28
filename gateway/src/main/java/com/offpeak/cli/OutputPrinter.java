package com.offpeak.cli;

import com.offpeak.journal.OutputDecoder;
import com.offpeak.journal.OutputListener;
import com.offpeak.ledger.transfer.TransferCodec;
import com.offpeak.ledger.transfer.TransferReason;
import com.offpeak.ledger.transfer.TransferRecord;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;
import org.agrona.DirectBuffer;

/**
 * Prints decoded output records one per line as {@code  event(arg, ...)} in the listener's
 * argument order; transfers with their fields. For humans reading a replay, not for the hot path.
 */
final class OutputPrinter
{
    private final OutputDecoder decoder = new OutputDecoder();
    private final OutputListener listener;

    OutputPrinter(final PrintStream out)
    {
        listener = (OutputListener)Proxy.newProxyInstance(OutputListener.class.getClassLoader(), new Class<?>[] {OutputListener.class},
            (proxy, method, args) ->
            {
                if (method.getName().equals("transfer"))
                {
                    out.println("    " + transfer((DirectBuffer)args[0], (int)args[1], (int)args[2]));
                }
                else if (method.getDeclaringClass() != Object.class)
                {
                    final String list = Arrays.toString(args);
                    out.println("    " + method.getName() + '(' + list.substring(1, list.length() - 1) + ')');
                }
                return null;
            });
    }

    void print(final DirectBuffer output, final int length)
    {
        decoder.decode(output, 0, length, listener);
    }

    private static String transfer(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length + 1];
        bytes[0] = TransferCodec.RECORD_TYPE;
        buffer.getBytes(offset, bytes, 1, length);
        final TransferRecord record = new TransferRecord();
        if (TransferCodec.decode(Bytes.wrapForRead(bytes), record) != TransferCodec.Decoded.TRANSFER)
        {
            return "transfer(truncated, " + length + " bytes)";
        }
        return "transfer(id=" + record.transferId() + " t=" + record.time() + " " + TransferReason.ofCode(record.reasonCode()) +
            " debit=" + record.debitAccount() + " credit=" + record.creditAccount() + " amount=" + record.amount() + " ref=" +
            record.ref() + " lease=" + record.leaseId() + ')';
    }
}
