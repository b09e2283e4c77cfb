package org.segue.musicxml.internal.lilypond;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.segue.model.Clef;
import org.segue.model.ClefChange;
import org.segue.model.Duration;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Rest;
import org.segue.model.Tempo;
import org.segue.model.Voice;
import org.segue.musicxml.internal.musicxml.NoteValue;

/**
 * One staff of a part as a LilyPond {@code Staff}: a voice of spacers that carries what belongs to the staff (key,
 * time, clefs and their changes inside a measure, a pickup, measures of unusual length, and on the score's first
 * staff the tempo marks and the "Segue" mark), and one LilyPond voice per voice number the staff uses. In a measure
 * where several voices sound they get {@code \voiceOne}, {@code \voiceTwo} ... (stems up, down); where one sounds it
 * is {@code \oneVoice}; a voice that is silent while another sounds, or absent, is written as spacers.
 */
final class StaffWriter {

    /** The LilyPond command that colours what follows as new (defined by {@link LilyPondWriter}). */
    static final String NEW_BARS = "\\segueNewBars";
    static final String NEW_BARS_STAFF = "\\segueNewBarsStaff";

    private final Part part;
    private final int staff;
    private final boolean carriesScoreMarks;
    private final int markFrom;

    /**
     * @param carriesScoreMarks whether this staff writes the tempo marks and the "Segue" mark (the first staff)
     * @param markFrom the index of the first measure to mark as new, or -1
     */
    StaffWriter(Part part, int staff, boolean carriesScoreMarks, int markFrom) {
        this.part = part;
        this.staff = staff;
        this.carriesScoreMarks = carriesScoreMarks;
        this.markFrom = markFrom;
    }

    /** {@code \new Staff = "name" << \new Voice {...} ... >>}, with {@code with} inside its {@code \with}. */
    String write(String name, String with) {
        StringBuilder s = new StringBuilder();
        s.append("\\new Staff = ").append(LilyPondSyntax.string(name));
        if (!with.isEmpty()) s.append(" \\with { ").append(with).append(" }");
        s.append(" <<\n");
        s.append("  \\new Voice {\n").append(attributes()).append("  }\n");
        SortedSet<Integer> voiceNumbers = voiceNumbers();
        for (int number : voiceNumbers) {
            s.append("  \\new Voice = ").append(LilyPondSyntax.string(name + "-v" + number)).append(" {\n")
                    .append(music(number, voiceNumbers.first())).append("  }\n");
        }
        return s.append(">>\n").toString();
    }

    private SortedSet<Integer> voiceNumbers() {
        SortedSet<Integer> numbers = new TreeSet<>();
        for (Measure m : part.measures()) m.voicesOnStaff(staff).forEach(v -> numbers.add(v.number()));
        if (numbers.isEmpty()) numbers.add(1); // a staff with nothing on it still gets its measure rests
        return numbers;
    }

    private String attributes() {
        StringBuilder s = new StringBuilder();
        Measure previous = null;
        Clef clefInForce = null;
        boolean unusualLengthBefore = false;
        for (int i = 0; i < part.measures().size(); i++) {
            Measure m = part.measures().get(i);
            List<String> line = new ArrayList<>();
            if (previous == null || !m.time().equals(previous.time())) line.add("\\time " + m.time());
            if (previous == null || !m.key().equals(previous.key())) line.add(LilyPondSyntax.key(m.key()));
            Clef clef = staff <= m.clefs().size() ? m.clefs().get(staff - 1) : clefInForce;
            if (clef != null && !clef.equals(clefInForce)) line.add(LilyPondSyntax.clef(clef));
            clefInForce = clef;
            boolean unusual = !m.isFull() && m.length().isPositive();
            if (previous == null && unusual && m.length().compareTo(m.time().measureLength()) < 0) {
                line.add("\\partial " + LilyPondSyntax.scaledWhole(m.length()));
            } else if (unusual) {
                line.add("\\set Timing.measureLength = " + LilyPondSyntax.moment(m.length()));
                unusualLengthBefore = true;
            } else if (unusualLengthBefore) {
                line.add("\\set Timing.measureLength = " + LilyPondSyntax.moment(m.time().measureLength()));
                unusualLengthBefore = false;
            }
            if (carriesScoreMarks && m.tempo() != null) line.add(tempo(m.tempo()));
            if (i == markFrom) {
                if (carriesScoreMarks) line.add("\\mark \\markup \\box \\sans \"Segue\"");
                line.add(NEW_BARS_STAFF);
            }
            clefInForce = spacers(m, line, clefInForce);
            s.append("    ").append(String.join(" ", line)).append('\n');
            previous = m;
        }
        return s.toString();
    }

    /** Spacers for the measure, cut where the clef changes inside it; returns the clef in force at its end. */
    private Clef spacers(Measure m, List<String> line, Clef clefInForce) {
        if (!m.length().isPositive()) return clefInForce;
        List<ClefChange> changes = m.clefChanges().stream().filter(c -> c.staff() == staff)
                .filter(c -> c.offset().compareTo(m.length()) < 0)
                .sorted(Comparator.comparing(ClefChange::offset)).toList();
        Duration position = Duration.ZERO;
        Clef clef = clefInForce;
        for (ClefChange change : changes) {
            if (change.offset().compareTo(position) > 0) line.add(spacer(change.offset().minus(position)));
            line.add(LilyPondSyntax.clef(change.clef()));
            position = change.offset();
            clef = change.clef();
        }
        line.add(spacer(m.length().minus(position)) + " |");
        return clef;
    }

    private String music(int number, int firstNumber) {
        StringBuilder s = new StringBuilder();
        String direction = null;
        for (int i = 0; i < part.measures().size(); i++) {
            Measure m = part.measures().get(i);
            List<String> line = new ArrayList<>();
            if (i == markFrom) line.add(NEW_BARS);
            if (!m.length().isPositive()) {
                if (!line.isEmpty()) s.append("    ").append(String.join(" ", line)).append('\n');
                continue;
            }
            List<Voice> shown = shownVoices(m);
            Optional<Voice> voice = shown.stream().filter(v -> v.number() == number).findFirst();
            if (voice.isPresent()) {
                String wanted = shown.size() == 1 ? "\\oneVoice" : direction(shown.indexOf(voice.get()));
                if (!wanted.equals(direction)) line.add(wanted);
                direction = wanted;
                line.add(events(voice.get(), m));
            } else if (shown.isEmpty() && number == firstNumber) {
                line.add(m.isFull() ? "R" + LilyPondSyntax.scaledWhole(m.length())
                        : EventWriter.measure(List.of(), m.length(), beat(m)));
            } else {
                line.add(spacer(m.length()));
            }
            s.append("    ").append(String.join(" ", line)).append(" |\n");
        }
        return s.toString();
    }

    /** The voices of the staff that sound in the measure; all of its voices when none does. */
    private List<Voice> shownVoices(Measure m) {
        List<Voice> all = m.voicesOnStaff(staff);
        List<Voice> sounding = all.stream().filter(v -> !v.isSilent()).toList();
        return sounding.isEmpty() ? all.stream().limit(1).toList() : sounding;
    }

    /** A rest that fills a full measure is a whole-measure rest; in a pickup LilyPond needs a plain one. */
    private static String events(Voice voice, Measure m) {
        if (m.isFull() && voice.events().size() == 1 && voice.events().get(0) instanceof Rest rest
                && rest.duration().equals(m.length())) {
            return "R" + LilyPondSyntax.scaledWhole(m.length());
        }
        return EventWriter.measure(voice.events(), m.length(), beat(m));
    }

    private static Duration beat(Measure m) {
        return Duration.of(1, m.time().beatType());
    }

    private static String direction(int index) {
        return switch (index) {
            case 0 -> "\\voiceOne";
            case 1 -> "\\voiceTwo";
            case 2 -> "\\voiceThree";
            default -> "\\voiceFour";
        };
    }

    private static String spacer(Duration length) {
        return "s" + LilyPondSyntax.scaledWhole(length);
    }

    /** {@code \tempo 4 = 108}; a beat unit no plain note value writes is counted in quarters. */
    private static String tempo(Tempo tempo) {
        Optional<NoteValue> unit = NoteValue.exactly(tempo.beatUnit()).filter(v -> !v.isTuplet());
        double perMinute = unit.isPresent() ? tempo.perMinute() : tempo.quarterNotesPerMinute();
        String beat = unit.map(LilyPondSyntax::duration).orElse("4");
        return "\\tempo " + beat + " = " + Math.max(1, Math.round(perMinute));
    }
}
