package com.offpeak.gateway.wire;

import java.nio.charset.StandardCharsets;

/**
 * Outgoing WebSocket text messages as UTF-8 bytes, made once per message however many sessions
 * receive it. The server's own JSON is ASCII, so the common case is a single pass over the chars;
 * only text carrying a client's non-ASCII characters (an echoed string id, say) takes the JDK's
 * encoder, which also replaces a lone surrogate with '?' as {@code String.getBytes} always did.
 */
public final class Utf8
{
    private Utf8()
    {
    }

    public static byte[] encode(final CharSequence text)
    {
        final int length = text.length();
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c >= 0x80)
            {
                return text.toString().getBytes(StandardCharsets.UTF_8);
            }
            bytes[i] = (byte)c;
        }
        return bytes;
    }
}
