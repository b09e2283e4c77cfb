package org.segue.core.internal.preprocess;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.segue.training.Corpus;
import org.segue.training.CorpusPiece;
import org.segue.training.Staff;

/**
 * A corpus split by piece and turned into staff streams, in the corpus's order. Vocabularies are not made here:
 * training counts them on the training pieces, evaluation takes them from the model.
 */
public record PreparedCorpus(String name, PieceSplit split, List<PreparedPiece> pieces) {

    /** One staff of one piece, with the whole piece it comes from. */
    public record NamedStream(String piece, StaffStream stream, PieceStreams whole) {

        /** The onset contexts of this stream, or of one of its other forms (see {@link PieceStreams#contextOf}). */
        public float[] contextOf(StaffStream form) {
            return whole.contextOf(stream.staff(), form);
        }
    }

    public PreparedCorpus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(split, "split");
        pieces = List.copyOf(pieces);
    }

    /** Splits {@code corpus} with {@link PieceSplit} and extracts every piece's streams. */
    public static PreparedCorpus of(Corpus corpus, double heldOutShare) {
        return of(corpus, PieceSplit.of(corpus.pieceNames(), heldOutShare));
    }

    /**
     * Several corpora as one: each corpus is split by itself with {@link PieceSplit} (so each holds out its own
     * share), and with more than one corpus every piece is named {@code corpus/piece} by the corpus's short name
     * ({@link #shortName}), so that pieces of different corpora never share a name. One corpus is
     * {@link #of(Corpus, double)}.
     *
     * @throws IllegalArgumentException when two corpora have the same short name
     */
    public static PreparedCorpus of(List<Corpus> corpora, double heldOutShare) {
        if (corpora.size() == 1) return of(corpora.get(0), heldOutShare);
        List<String> training = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        List<PreparedPiece> pieces = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Corpus corpus : corpora) {
            String prefix = shortName(corpus.name());
            if (!names.add(prefix)) {
                throw new IllegalArgumentException("two corpora are named " + prefix + " (" + corpus.name()
                        + "); give each corpus once, from folders with different names");
            }
            PieceSplit split = PieceSplit.of(corpus.pieceNames(), heldOutShare);
            for (CorpusPiece piece : corpus.pieces()) {
                String name = prefix + "/" + piece.name();
                boolean held = split.isHeldOut(piece.name());
                (held ? heldOut : training).add(name);
                pieces.add(new PreparedPiece(name, held, StreamExtractor.extract(piece.score())));
            }
        }
        String name = String.join(" + ", corpora.stream().map(c -> shortName(c.name())).toList());
        return new PreparedCorpus(name, new PieceSplit(training, heldOut), pieces);
    }

    /** A corpus's short name: the last part of its path ({@code ../shared/data/chopin-midi}: chopin-midi). */
    public static String shortName(String path) {
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        String name = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
        return name.isEmpty() ? path : name;
    }

    /** Extracts every piece's streams, with a given split (a model's, for evaluation). */
    public static PreparedCorpus of(Corpus corpus, PieceSplit split) {
        List<PreparedPiece> pieces = new ArrayList<>();
        for (CorpusPiece piece : corpus.pieces()) {
            pieces.add(new PreparedPiece(piece.name(), split.isHeldOut(piece.name()),
                    StreamExtractor.extract(piece.score())));
        }
        return new PreparedCorpus(corpus.name(), split, pieces);
    }

    /** One staff's streams of the held-out pieces ({@code heldOut}) or of the training pieces. */
    public List<NamedStream> streams(Staff staff, boolean heldOut) {
        List<NamedStream> streams = new ArrayList<>();
        for (PreparedPiece p : pieces) {
            if (p.heldOut() != heldOut) continue;
            Optional<StaffStream> s = p.streams().stream(staff);
            s.ifPresent(stream -> streams.add(new NamedStream(p.name(), stream, p.streams())));
        }
        return streams;
    }

    /** Encodes streams with a staff's vocabularies, without onset contexts. */
    public static List<EncodedStream> encode(List<NamedStream> streams, StaffVocabularies vocabularies) {
        return encode(streams, vocabularies, false);
    }

    /** Encodes streams with a staff's vocabularies, with their onset contexts for a listening network. */
    public static List<EncodedStream> encode(List<NamedStream> streams, StaffVocabularies vocabularies,
                                             boolean listening) {
        return streams.stream().map(s -> {
            EncodedStream encoded = vocabularies.encode(s.piece(), s.stream());
            return listening ? encoded.withContext(s.contextOf(s.stream())) : encoded;
        }).toList();
    }
}
