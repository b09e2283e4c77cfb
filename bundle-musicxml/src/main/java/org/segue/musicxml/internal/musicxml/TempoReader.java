package org.segue.musicxml.internal.musicxml;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.audiveris.proxymusic.Direction;
import org.audiveris.proxymusic.DirectionType;
import org.audiveris.proxymusic.Empty;
import org.audiveris.proxymusic.Metronome;
import org.audiveris.proxymusic.Sound;
import org.segue.model.Duration;
import org.segue.model.Tempo;

/**
 * Tempo marks: a {@code <metronome>} with a beat unit and a number per minute (a text like "ca. 96" gives 96),
 * otherwise {@code <sound tempo>} (quarter notes per minute). Metric modulations (beat unit = beat unit) carry no
 * number and are left to their {@code <sound tempo>}.
 */
final class TempoReader {

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private TempoReader() {
    }

    /** The tempo a direction marks, or null. */
    static Tempo of(Direction direction) {
        for (DirectionType type : direction.getDirectionType()) {
            Tempo tempo = of(type.getMetronome());
            if (tempo != null) return tempo;
        }
        return of(direction.getSound());
    }

    static Tempo of(Sound sound) {
        return sound == null || sound.getTempo() == null ? null : tempo(Duration.QUARTER, sound.getTempo().doubleValue());
    }

    private static Tempo of(Metronome metronome) {
        if (metronome == null || metronome.getPerMinute() == null || metronome.getPerMinute().getValue() == null) {
            return null;
        }
        Matcher number = NUMBER.matcher(metronome.getPerMinute().getValue());
        Duration unit = null;
        int dots = 0;
        for (Object o : metronome.getBeatUnit()) {
            if (o instanceof String type && unit == null) {
                unit = NoteValue.typeDuration(type);
            } else if (o instanceof Empty && unit != null) {
                dots++;
            }
        }
        if (unit == null || !number.find()) return null;
        return tempo(NoteValue.dotted(unit, dots), new BigDecimal(number.group()).doubleValue());
    }

    private static Tempo tempo(Duration unit, double perMinute) {
        return perMinute > 0 && perMinute <= 10_000 ? new Tempo(unit, perMinute) : null;
    }
}
