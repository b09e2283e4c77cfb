package org.segue.core.internal.training;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.segue.core.internal.preprocess.Augmentation;
import org.segue.core.internal.preprocess.DurationCategory;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.PreparedCorpus;
import org.segue.core.internal.preprocess.StaffStream;
import org.segue.core.internal.preprocess.StaffVocabularies;
import org.segue.training.ModelException;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;

/**
 * The encoded training and held-out streams of both staves, with the vocabularies counted on the training pieces
 * (and, when the configuration augments, on their other forms: see {@link Augmentation}). {@code forms} holds, for
 * each training stream in the same order, its other forms (none without augmentation). Refuses, with one line, a
 * corpus that cannot train both networks.
 */
record TrainingData(Map<Staff, StaffVocabularies> vocabularies, Map<Staff, List<EncodedStream>> training,
                    Map<Staff, List<List<Form>>> forms, Map<Staff, List<EncodedStream>> heldOut) {

    /**
     * Another form of a training stream, with the steps where its duration fell out of the categories ("other",
     * like a 32nd made twice as fast) although the stream's own duration there has a category: a window holding
     * such a step is not learned in this form, since it would teach the networks "other" where music has none.
     */
    record Form(EncodedStream stream, BitSet lostDurations) {
    }


    static TrainingData of(PreparedCorpus prepared, TrainingConfig config) throws ModelException {
        if (prepared.split().heldOut().isEmpty()) {
            throw new ModelException("corpus " + prepared.name() + " has " + prepared.pieces().size()
                    + " piece; training needs at least 2, since pieces are held out for validation");
        }
        Map<Staff, StaffVocabularies> vocabularies = new EnumMap<>(Staff.class);
        Map<Staff, List<EncodedStream>> training = new EnumMap<>(Staff.class);
        Map<Staff, List<List<Form>>> forms = new EnumMap<>(Staff.class);
        Map<Staff, List<EncodedStream>> heldOut = new EnumMap<>(Staff.class);
        for (Staff staff : Staff.values()) {
            List<PreparedCorpus.NamedStream> train = usable(prepared.streams(staff, false));
            List<PreparedCorpus.NamedStream> held = usable(prepared.streams(staff, true));
            if (train.isEmpty()) {
                throw new ModelException("corpus " + prepared.name() + ": no training piece has " + staff.label()
                        + " music (at least 2 events on a " + staff.label() + " staff); both staves are needed");
            }
            if (held.isEmpty()) {
                throw new ModelException("corpus " + prepared.name() + ": the held-out pieces "
                        + prepared.split().heldOut() + " have no " + staff.label() + " music to validate on; add "
                        + "pieces or hold out a larger share");
            }
            List<StaffStream> originals = train.stream().map(PreparedCorpus.NamedStream::stream).toList();
            List<List<StaffStream>> otherForms = formsOf(originals, config);
            StaffVocabularies v = vocabularies(staff, originals, otherForms, config);
            vocabularies.put(staff, v);
            training.put(staff, PreparedCorpus.encode(train, v, config.listening()));
            List<List<Form>> encodedForms = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                StaffStream original = originals.get(i);
                String piece = train.get(i).piece();
                PreparedCorpus.NamedStream named = train.get(i);
                encodedForms.add(otherForms.get(i).stream()
                        .map(f -> new Form(encoded(v.encode(piece, f), named, f, config), lostDurations(original, f)))
                        .toList());
            }
            forms.put(staff, encodedForms);
            heldOut.put(staff, PreparedCorpus.encode(held, v, config.listening()));
        }
        return new TrainingData(vocabularies, training, forms, heldOut);
    }

    /** For each training stream its other forms (see {@link Augmentation}), or none when training does not augment. */
    static List<List<StaffStream>> formsOf(List<StaffStream> training, TrainingConfig config) {
        return training.stream().map(s -> config.augment() ? Augmentation.formsOf(s) : List.<StaffStream>of()).toList();
    }

    /** A staff's vocabularies, counted on its training streams, each followed by its other forms. */
    static StaffVocabularies vocabularies(Staff staff, List<StaffStream> training, List<List<StaffStream>> forms,
                                          TrainingConfig config) {
        List<StaffStream> counted = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            counted.add(training.get(i));
            counted.addAll(forms.get(i));
        }
        return StaffVocabularies.count(staff, counted, config.minEventCount());
    }

    private static EncodedStream encoded(EncodedStream form, PreparedCorpus.NamedStream original,
                                         StaffStream formStream, TrainingConfig config) {
        return config.listening() ? form.withContext(original.contextOf(formStream)) : form;
    }

    private static BitSet lostDurations(StaffStream original, StaffStream form) {
        BitSet lost = new BitSet(original.size());
        for (int i = 0; i < original.size(); i++) {
            lost.set(i, form.events().get(i).category() == DurationCategory.OTHER
                    && original.events().get(i).category() != DurationCategory.OTHER);
        }
        return lost;
    }

    private static List<PreparedCorpus.NamedStream> usable(List<PreparedCorpus.NamedStream> streams) {
        return streams.stream().filter(s -> s.stream().size() >= 2).toList();
    }

    StaffVocabularies vocabularies(Staff staff) {
        return vocabularies.get(staff);
    }

    List<EncodedStream> training(Staff staff) {
        return training.get(staff);
    }

    List<List<Form>> forms(Staff staff) {
        return forms.get(staff);
    }

    List<EncodedStream> heldOut(Staff staff) {
        return heldOut.get(staff);
    }

    Map<Staff, List<EncodedStream>> heldOutByStaff() {
        return heldOut;
    }

    int trainingEvents(Staff staff) {
        return training.get(staff).stream().mapToInt(EncodedStream::size).sum();
    }

    int heldOutEvents(Staff staff) {
        return heldOut.get(staff).stream().mapToInt(EncodedStream::size).sum();
    }
}
