package org.segue.musicxml.internal.musicxml;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.segue.model.Duration;

/** Exact conversion of MusicXML's decimal numbers (divisions, durations) into fractions. */
final class Fractions {

    private Fractions() {
    }

    /**
     * The exact value of a decimal as a fraction, like 1.5 as 3/2.
     *
     * @throws IllegalArgumentException for a value with more digits than a fraction of longs holds
     */
    static Duration of(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (Math.abs(stripped.scale()) > 18 || stripped.precision() > 19) { // before a power of ten is computed
            throw new IllegalArgumentException("the number " + shortText(value) + " has too many digits");
        }
        BigInteger num = stripped.unscaledValue();
        BigInteger den = BigInteger.ONE;
        if (stripped.scale() > 0) {
            den = BigInteger.TEN.pow(stripped.scale());
        } else if (stripped.scale() < 0) {
            num = num.multiply(BigInteger.TEN.pow(-stripped.scale()));
        }
        if (num.bitLength() > 62 || den.bitLength() > 62) {
            throw new IllegalArgumentException("the number " + shortText(value) + " has too many digits");
        }
        return Duration.of(num.longValueExact(), den.longValueExact());
    }

    /** The number as written in a message: never its plain form, which for 1E+999999999 has a billion digits. */
    private static String shortText(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
