package org.segue.ui.internal.cli;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds one compact JSON text, value by value: {@code beginObject().name("parts").value(1).endObject()}. Commas
 * are placed for the caller; strings are escaped as RFC 8259 asks. Misuse (a value where a name is due, closing
 * the wrong container) throws {@link IllegalStateException}, so a bug cannot print broken JSON.
 */
public final class JsonWriter {

    private enum Container { OBJECT, ARRAY }

    private final StringBuilder text = new StringBuilder();
    private final Deque<Container> open = new ArrayDeque<>();
    private final Deque<Boolean> empty = new ArrayDeque<>();
    private boolean nameWritten;
    private boolean done;

    public JsonWriter beginObject() {
        beforeValue();
        return push(Container.OBJECT, '{');
    }

    public JsonWriter endObject() {
        return pop(Container.OBJECT, '}');
    }

    public JsonWriter beginArray() {
        beforeValue();
        return push(Container.ARRAY, '[');
    }

    public JsonWriter endArray() {
        return pop(Container.ARRAY, ']');
    }

    /** The name of the next member of the current object. */
    public JsonWriter name(String name) {
        if (open.peek() != Container.OBJECT || nameWritten) {
            throw new IllegalStateException("a name belongs directly inside an object, before its value: " + name);
        }
        separate();
        quote(name);
        text.append(':');
        nameWritten = true;
        return this;
    }

    public JsonWriter value(String value) {
        if (value == null) return nullValue();
        beforeValue();
        quote(value);
        return afterScalar();
    }

    public JsonWriter value(long value) {
        beforeValue();
        text.append(value);
        return afterScalar();
    }

    /** A number; JSON has no NaN or infinity, so those are written as {@code null}. */
    public JsonWriter value(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return nullValue();
        beforeValue();
        text.append(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        return afterScalar();
    }

    public JsonWriter value(boolean value) {
        beforeValue();
        text.append(value);
        return afterScalar();
    }

    public JsonWriter nullValue() {
        beforeValue();
        text.append("null");
        return afterScalar();
    }

    /** The finished text. */
    @Override
    public String toString() {
        if (!done) throw new IllegalStateException("JSON not finished: " + open.size() + " container(s) still open");
        return text.toString();
    }

    private JsonWriter push(Container container, char bracket) {
        text.append(bracket);
        open.push(container);
        empty.push(true);
        return this;
    }

    private JsonWriter pop(Container container, char bracket) {
        if (open.peek() != container || nameWritten) {
            throw new IllegalStateException("cannot close " + container + " here");
        }
        open.pop();
        empty.pop();
        text.append(bracket);
        done = open.isEmpty();
        return this;
    }

    private void beforeValue() {
        if (done) throw new IllegalStateException("the JSON text already holds one complete value");
        Container container = open.peek();
        if (container == Container.OBJECT) {
            if (!nameWritten) throw new IllegalStateException("a value inside an object needs a name first");
            nameWritten = false;
        } else if (container == Container.ARRAY) {
            separate();
        }
    }

    /** A scalar at the top level is a complete text; containers are complete when closed. */
    private JsonWriter afterScalar() {
        done = open.isEmpty();
        return this;
    }

    private void separate() {
        if (!empty.peek()) text.append(',');
        empty.pop();
        empty.push(false);
    }

    private void quote(String s) {
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    // control characters must be escaped; U+2028/9 break JavaScript readers; a lone surrogate
                    // cannot be encoded in UTF-8, so it is kept as an escape rather than turned into '?'
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(s, i)) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }
}
