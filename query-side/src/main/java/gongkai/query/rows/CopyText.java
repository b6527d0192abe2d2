package gongkai.query.rows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * COPY's text format written as UTF-8 bytes straight into a buffer of fixed size, handed on to {@code out} each time
 * it fills: a rebuild's chunk of rows is never held as one text, nor copied from chars to a string to bytes.
 */
final class CopyText {

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buffer;
    private int length;

    CopyText(OutputStream out, int bufferSize) {
        if (bufferSize < 32) {
            throw new IllegalArgumentException("a buffer of at least 32 bytes: " + bufferSize);
        }
        this.out = out;
        this.buffer = new byte[bufferSize];
    }

    /** Hands what the buffer holds on to the stream. */
    void drain() {
        if (length == 0) {
            return;
        }
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        length = 0;
    }

    /** Room for {@code bytes} more bytes (at most a character's four). */
    private void room(int bytes) {
        if (length + bytes > buffer.length) {
            drain();
        }
    }

    /** A character of COPY's own syntax (a tab, a newline, a digit, a letter of a date or of {@code \N}). */
    CopyText ascii(char c) {
        room(1);
        buffer[length++] = (byte) c;
        return this;
    }

    /** Characters of COPY's own syntax, nothing to escape. */
    CopyText ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            ascii(s.charAt(i));
        }
        return this;
    }

    /** A whole number in decimal digits. */
    CopyText number(long value) {
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        if (value < 0) {
            ascii('-');
            value = -value;
        }
        room(19);
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
        return this;
    }

    /** A number as exactly {@code digits} digits, zeros in front. */
    CopyText digits(int value, int digits) {
        room(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
        return this;
    }

    /** Bytes as lowercase hexadecimal digits, two a byte. */
    CopyText hex(byte[] bytes) {
        for (byte b : bytes) {
            room(2);
            buffer[length++] = HEX_DIGITS[(b >> 4) & 0xf];
            buffer[length++] = HEX_DIGITS[b & 0xf];
        }
        return this;
    }

    /**
     * Text in UTF-8 with COPY's special characters escaped (backslash, tab, newline, carriage return); a lone half
     * of a surrogate pair as {@code ?}, as {@link String#getBytes} writes it.
     */
    CopyText text(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            room(4);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    default -> buffer[length++] = (byte) c;
                }
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xc0 | (c >> 6));
                buffer[length++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int code = Character.toCodePoint(c, s.charAt(++i));
                buffer[length++] = (byte) (0xf0 | (code >> 18));
                buffer[length++] = (byte) (0x80 | ((code >> 12) & 0x3f));
                buffer[length++] = (byte) (0x80 | ((code >> 6) & 0x3f));
                buffer[length++] = (byte) (0x80 | (code & 0x3f));
            } else if (Character.isSurrogate(c)) {
                buffer[length++] = '?';
            } else {
                buffer[length++] = (byte) (0xe0 | (c >> 12));
                buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buffer[length++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return this;
    }

    private void escape(char c) {
        buffer[length++] = '\\';
        buffer[length++] = (byte) c;
    }
}
