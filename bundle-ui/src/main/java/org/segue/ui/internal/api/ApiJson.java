package org.segue.ui.internal.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Voice;
import org.segue.ui.ActionOption;
import org.segue.ui.Availability;
import org.segue.ui.EditorAction;
import org.segue.ui.MeasureRange;
import org.segue.ui.Proposal;
import org.segue.ui.internal.web.EditorDocument;

/**
 * The API's answers as JSON trees: documents, actions, proposals, and new bars spelled out note by note for
 * clients that write them with a cursor. Measure indexes count from 1 here, as composers count bars.
 */
final class ApiJson {

    static final ObjectMapper MAPPER = org.segue.ui.internal.cli.Json.MAPPER;

    private ApiJson() {
    }

    static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("error", message);
    }

    static ObjectNode state(EditorDocument document) {
        ObjectNode state = MAPPER.createObjectNode()
                .put("id", document.id())
                .put("title", document.title())
                .put("fileName", document.fileName())
                .put("measures", document.score().measureCount())
                .put("revision", document.revision());
        document.selection().ifPresentOrElse(s -> state.set("selection", range(s)), () -> state.putNull("selection"));
        state.put("canUndo", document.undoLabel().isPresent());
        state.put("canRedo", document.redoLabel().isPresent());
        state.put("undoLabel", document.undoLabel().orElse(null));
        state.put("redoLabel", document.redoLabel().orElse(null));
        return state;
    }

    static ObjectNode range(MeasureRange range) {
        return MAPPER.createObjectNode().put("from", range.first() + 1).put("to", range.last() + 1);
    }

    static ObjectNode action(EditorAction action, Availability availability) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", action.id())
                .put("label", action.label())
                .put("menu", action.menuPath())
                .put("enabled", availability.enabled())
                .put("disabledReason", availability.enabled() ? null : availability.reason());
        ArrayNode options = node.putArray("options");
        for (ActionOption option : action.options()) options.add(option(option));
        return node;
    }

    private static ObjectNode option(ActionOption option) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("name", option.name())
                .put("label", option.label())
                .put("type", option.kind().name().toLowerCase(java.util.Locale.ROOT))
                .put("default", option.defaultValue())
                .put("min", option.min())
                .put("max", option.max())
                .put("help", option.help())
                .put("advanced", option.advanced());
        if (option.choices().isEmpty()) {
            node.putNull("choices");
        } else {
            ArrayNode choices = node.putArray("choices");
            option.choices().forEach(choices::add);
        }
        return node;
    }

    static ObjectNode figures(Map<String, Number> figures) {
        ObjectNode node = MAPPER.createObjectNode();
        figures.forEach((name, value) -> {
            if (value instanceof Double || value instanceof Float) {
                node.put(name, value.doubleValue());
            } else {
                node.put(name, value.longValue());
            }
        });
        return node;
    }

    /** A proposal as the editor shows it: its figures, its range of new measures and the notes to play. */
    static ObjectNode proposal(int index, Proposal proposal, String musicXml) {
        MeasureRange inserted = proposal.edit().inserted();
        ObjectNode node = MAPPER.createObjectNode()
                .put("index", index)
                .put("title", proposal.title())
                .put("summary", proposal.summary());
        node.set("report", figures(proposal.figures()));
        node.set("newMeasures", range(inserted));
        node.put("measures", proposal.edit().result().measureCount());
        node.put("musicxml", musicXml);
        ArrayNode notes = node.putObject("playback").putArray("notes");
        for (Playback.Sound sound : Playback.of(proposal.edit().result(), inserted)) {
            notes.addObject().put("start", round(sound.start())).put("duration", round(sound.duration()))
                    .put("midi", sound.midi()).put("velocity", sound.velocity());
        }
        return node;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** The new measures of the continued part, rest by rest and note by note. */
    static ObjectNode newBars(Score score, MeasureRange range, String partId) {
        Part part = score.parts().stream().filter(p -> p.id().equals(partId)).findFirst().orElseThrow();
        ObjectNode node = MAPPER.createObjectNode().put("part", part.id()).put("firstMeasure", range.first() + 1);
        ArrayNode measures = node.putArray("measures");
        for (int m = range.first(); m <= range.last(); m++) measures.add(measure(part.measures().get(m)));
        return node;
    }

    private static ObjectNode measure(Measure measure) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("number", measure.number())
                .put("time", measure.time().toString());
        node.putObject("key").put("fifths", measure.key().fifths()).put("mode", measure.key().mode().xmlName());
        ArrayNode staves = node.putArray("staves");
        for (int staff = 1; staff <= measure.staffCount(); staff++) {
            ObjectNode staffNode = staves.addObject().put("staff", staff)
                    .put("clef", measure.clefs().get(staff - 1).sign().name());
            ArrayNode voices = staffNode.putArray("voices");
            for (Voice voice : measure.voicesOnStaff(staff)) {
                ObjectNode voiceNode = voices.addObject().put("voice", voice.number());
                ArrayNode events = voiceNode.putArray("events");
                for (Event event : voice.events()) events.add(event(event));
            }
        }
        return node;
    }

    private static ObjectNode event(Event event) {
        ObjectNode node = MAPPER.createObjectNode();
        List<Note> notes = event instanceof Note n ? List.of(n) : event instanceof Chord c ? c.notes() : List.of();
        node.put("type", event instanceof Rest ? "rest" : event instanceof Chord ? "chord" : "note");
        Duration duration = event.duration();
        node.putObject("duration").put("num", duration.num()).put("den", duration.den());
        if (duration.den() % 3 == 0) {
            node.putObject("tuplet").put("actual", 3).put("normal", 2);
        } else {
            node.putNull("tuplet");
        }
        if (!notes.isEmpty()) {
            ArrayNode pitches = node.putArray("pitches");
            for (Note note : notes) {
                pitches.addObject()
                        .put("midi", note.pitch().midi())
                        .put("name", note.pitch().toString())
                        .put("step", note.pitch().step().name())
                        .put("alter", note.pitch().alter())
                        .put("octave", note.pitch().octave())
                        .put("tieStart", note.tie().tiedToNext())
                        .put("tieStop", note.tie().tiedFromPrevious());
            }
        }
        return node;
    }
}
