package org.segue.core.internal.continuation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.segue.analysis.KeyEstimator;
import org.segue.continuation.Continuation;
import org.segue.continuation.ContinuationReport;
import org.segue.continuation.ContinuationRequest;
import org.segue.core.internal.model.SegueModel;
import org.segue.core.internal.model.StaffModel;
import org.segue.core.internal.model.StaffSession;
import org.segue.core.internal.model.Token;
import org.segue.core.internal.preprocess.DurationCategory;
import org.segue.core.internal.preprocess.EventLabel;
import org.segue.core.internal.preprocess.Meter;
import org.segue.core.internal.preprocess.OnsetContext;
import org.segue.core.internal.preprocess.StaffStream;
import org.segue.core.internal.preprocess.StreamExtractor;
import org.segue.core.internal.preprocess.Transposition;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Mode;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.model.TimeSignature;
import org.segue.training.Staff;

/**
 * Writes one continuation of a piece with a model: the design's generation steps, done so that the staves agree.
 * <ol>
 * <li>The key at the end of the piece is found (the last measure's signature; its mode estimated where the file
 * has none), and each staff's music is moved to C major / A minor, as in training.</li>
 * <li>Each staff's network reads the last (up to) {@value #PRIME_EVENTS} events of its staff, once for all the
 * variations written together.</li>
 * <li>The {@link StreamBalancer} lets the staff that is behind draw its next event and duration
 * ({@link StaffGenerator}: top-k, temperature, harmony with the other staff), until both reach the end of the
 * last new measure.</li>
 * <li>Labels become pitches in the output key, spelled for it; the {@link BarSlicer} cuts each stream at the bar
 * lines, tying what crosses them; the {@link ScoreExtender} appends the measures.</li>
 * </ol>
 * All of this happens at concert pitch; a transposing part gets its new measures back in its written pitch and key
 * ({@link WrittenPitch}). Unpitched notes are never fed to the networks, and a part without a pitched note is never
 * continued.
 */
final class ContinuationGenerator {

    static final int PRIME_EVENTS = 100;

    private ContinuationGenerator() {
    }

    static Continuation generate(SegueModel model, Score written, ContinuationRequest request, long seed) {
        return generate(model, written, request, List.of(seed)).get(0);
    }

    /**
     * One continuation per seed, written together: each staff's network reads the piece once for all of them,
     * then every variation draws its sounds in turn ({@link LockstepBalancer}), the networks stepping all the
     * variations' rows at once. Each continuation is the one its seed gives alone.
     */
    static List<Continuation> generate(SegueModel model, Score written, ContinuationRequest request,
                                       List<Long> seeds) {
        Score piece = written.atConcertPitch();
        int partIndex = ScoreExtender.partToContinue(piece);
        if (partIndex < 0) {
            throw new IllegalArgumentException("the score has no pitched note to continue (only rests or unpitched "
                    + "percussion); give it a part with notes");
        }
        Part part = piece.parts().get(partIndex);
        KeySignature endKey = keyAtEnd(piece, part);
        KeySignature outKey = request.targetKey() != null ? request.targetKey() : endKey;
        ScoreExtender extender = new ScoreExtender(piece, partIndex, outKey, request.tempo(), request.bars());

        int toCanonical = Transposition.toCanonical(endKey).semitones();
        int fromCanonical = Transposition.fromCanonical(outKey).semitones();
        PitchSpeller speller = new PitchSpeller(outKey);
        List<Clef> clefs = extender.clefs();
        int staves = Math.min(2, clefs.size());
        List<Duration> lengths = extender.measureLengths();
        Duration newMeasure = lengths.get(lengths.size() - 1);
        Duration total = lengths.stream().reduce(Duration.ZERO, Duration::plus);
        List<StaffStream> streams = new ArrayList<>();
        for (int staff = 1; staff <= staves; staff++) {
            streams.add(StreamExtractor.stream(network(staves, staff, clefs), part, staff, toCanonical));
        }
        Duration pieceLength = part.measures().stream().map(Measure::length).reduce(Duration.ZERO, Duration::plus);
        Meter meter = meterWithNewBars(part, extender, pieceLength);

        // what every variation of a staff starts from: the primed session, the other staff's last event, the
        // piece's rest and key limits
        List<StaffSession> sessions = new ArrayList<>();
        List<Token> lastTokens = new ArrayList<>();
        List<EventLabel> othersLast = new ArrayList<>();
        List<RestLimits> restLimits = new ArrayList<>();
        List<KeyLimits> keyLimits = new ArrayList<>();
        for (int staff = 1; staff <= staves; staff++) {
            StaffModel staffModel = model.staff(network(staves, staff, clefs));
            StaffStream other = staves == 2 ? streams.get(2 - staff) : null;
            Prefix prefix = prefix(staffModel, streams.get(staff - 1), other, meter);
            StaffSession session = staffModel.newSession(seeds.size());
            session.read(prefix.tokens().subList(0, prefix.tokens().size() - 1), prefix.contexts());
            sessions.add(session);
            lastTokens.add(prefix.tokens().get(prefix.tokens().size() - 1));
            othersLast.add(other == null || other.size() == 0 ? null : other.events().get(other.size() - 1).label());
            restLimits.add(RestLimits.of(part.measures(), staff, newMeasure));
            keyLimits.add(KeyLimits.of(part.measures(), staff, outKey));
        }

        List<List<StaffGenerator>> generators = new ArrayList<>();
        for (int v = 0; v < seeds.size(); v++) {
            List<Timeline> timelines = List.of(new Timeline(), new Timeline());
            List<StaffGenerator> own = new ArrayList<>();
            for (int staff = 1; staff <= staves; staff++) {
                Staff network = network(staves, staff, clefs);
                SplittableRandom random = new SplittableRandom(seeds.get(v) + 0x5DEECE66DL * staff);
                ContextSource context = new ContextSource(timelines.get(2 - staff),
                        OnsetContext.seesSameOnset(network), othersLast.get(staff - 1), fromCanonical, meter,
                        pieceLength);
                own.add(new StaffGenerator(model.staff(network), sessions.get(staff - 1), v,
                        lastTokens.get(staff - 1), network == Staff.TREBLE, fromCanonical, speller,
                        new TopKSampler(request.topKEvents(), request.temperature(), random.split()),
                        new TopKSampler(request.topKDurations(), request.temperature(), random.split()),
                        request.harmony(), timelines.get(staff - 1), timelines.get(2 - staff), extender.origin(),
                        restLimits.get(staff - 1), keyLimits.get(staff - 1), context));
            }
            generators.add(own);
        }

        List<List<List<Sound>>> balanced = LockstepBalancer.balance(total, generators, sessions);
        List<Continuation> continuations = new ArrayList<>();
        for (int v = 0; v < seeds.size(); v++) {
            List<List<List<Event>>> sliced = new ArrayList<>();
            for (List<Sound> stream : balanced.get(v)) sliced.add(BarSlicer.slice(stream, lengths));
            Score whole = WrittenPitch.restore(extender.extend(sliced), written);
            List<Measure> measures = whole.parts().get(partIndex).measures();
            List<Measure> added = measures.subList(part.measures().size(), measures.size());
            ContinuationReport report = ContinuationReporter.report(part.measures(), added);
            continuations.add(new Continuation(seeds.get(v), extender.newBarsOnly(whole), whole, report));
        }
        return continuations;
    }

    /** The key in force at the end of the part, with a mode (estimated from the whole piece where it has none). */
    static KeySignature keyAtEnd(Score piece, Part part) {
        KeySignature key = part.measures().get(part.measures().size() - 1).key();
        return switch (key.mode()) {
            case MAJOR, MINOR -> key;
            case IONIAN -> new KeySignature(key.fifths(), Mode.MAJOR);
            case AEOLIAN -> new KeySignature(key.fifths(), Mode.MINOR);
            default -> KeyEstimator.chooseMode(key.fifths(), KeyEstimator.pitchClassWeights(piece));
        };
    }

    /** Which network continues staff {@code staff} (from 1) of a part with {@code staves} staves. */
    private static Staff network(int staves, int staff, List<Clef> clefs) {
        return staves == 2 ? (staff == 1 ? Staff.TREBLE : Staff.BASS)
                : (clefs.get(0).isBass() ? Staff.BASS : Staff.TREBLE);
    }

    /**
     * The piece's bars, then the new ones in the time signature at the end; an unfinished last bar becomes a whole
     * one, as the new music completes it.
     */
    private static Meter meterWithNewBars(Part part, ScoreExtender extender, Duration pieceLength) {
        List<Duration> lengths = new ArrayList<>(extender.measureLengths());
        Duration from = pieceLength.minus(extender.origin());
        lengths.set(0, lengths.get(0).plus(extender.origin()));
        TimeSignature time = part.measures().get(part.measures().size() - 1).time();
        return Meter.of(part.measures()).followedBy(from, lengths, time);
    }

    /** Tokens to prime a network with, and for each but the last the onset context of the event after it. */
    private record Prefix(List<Token> tokens, float[] contexts) {
    }

    /** The last events of a staff as tokens; a staff with no music yet starts from a rest. */
    private static Prefix prefix(StaffModel model, StaffStream stream, StaffStream other, Meter meter) {
        List<Token> tokens = model.tokens(stream);
        if (tokens.isEmpty()) {
            return new Prefix(List.of(model.token(EventLabel.REST, DurationCategory.of(Duration.QUARTER))),
                    new float[0]);
        }
        int from = Math.max(0, tokens.size() - PRIME_EVENTS);
        float[] all = OnsetContext.of(stream, other, meter);
        int width = OnsetContext.WIDTH;
        float[] contexts = java.util.Arrays.copyOfRange(all, (from + 1) * width, tokens.size() * width);
        return new Prefix(tokens.subList(from, tokens.size()), contexts);
    }
}
