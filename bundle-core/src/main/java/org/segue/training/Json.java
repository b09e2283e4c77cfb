package org.segue.training;

import java.util.Locale;

/** The little JSON writing the reports need: strings escaped, numbers that JSON accepts. */
final class Json {

    private Json() {
    }

    static String string(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else s.append(c);
                }
            }
        }
        return s.append('"').toString();
    }

    /** Six significant decimals; NaN and infinities, which JSON lacks, become null. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return "null";
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
