package org.segue.core.internal.preprocess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels and their indices, the label encoding of one head of one staff: index {@code i} is the network's
 * {@code i}-th input and output class. Each label keeps how often the training pieces held it. Immutable.
 *
 * <p>Saved as UTF-8 text, one {@code label<TAB>count} line per index, in index order.
 */
public final class Vocabulary {

    private final List<String> labels;
    private final int[] counts;
    private final Map<String, Integer> indices = new HashMap<>();

    public Vocabulary(List<String> labels, List<Integer> counts) {
        if (labels.isEmpty()) throw new IllegalArgumentException("a vocabulary needs at least one label");
        if (labels.size() != counts.size()) {
            throw new IllegalArgumentException(labels.size() + " labels but " + counts.size() + " counts");
        }
        this.labels = List.copyOf(labels);
        this.counts = counts.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < this.labels.size(); i++) {
            String label = this.labels.get(i);
            if (label.isEmpty() || label.contains("\t") || label.contains("\n")) {
                throw new IllegalArgumentException("a label must be one non-empty line without tabs: '" + label + "'");
            }
            if (indices.put(label, i) != null) throw new IllegalArgumentException("label " + label + " twice");
        }
    }

    /**
     * The labels counted at least {@code minCount} times, ordered by {@code order}.
     *
     * @throws IllegalArgumentException when no label is frequent enough
     */
    public static Vocabulary of(Map<String, Integer> counts, int minCount, Comparator<String> order) {
        List<String> kept = counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .map(Map.Entry::getKey).sorted(order).toList();
        return new Vocabulary(kept, kept.stream().map(counts::get).toList());
    }

    /** The labels counted at least {@code minCount} times, the most frequent first (ties by label). */
    public static Vocabulary byFrequency(Map<String, Integer> counts, int minCount) {
        Comparator<String> order = Comparator.<String>comparingInt(counts::get).reversed()
                .thenComparing(Comparator.naturalOrder());
        return of(counts, minCount, order);
    }

    public int size() {
        return labels.size();
    }

    /** The index of a label, or -1 when the vocabulary lacks it. */
    public int indexOf(String label) {
        return indices.getOrDefault(label, -1);
    }

    public boolean contains(String label) {
        return indices.containsKey(label);
    }

    /** The label at an index. */
    public String label(int index) {
        return labels.get(index);
    }

    /** How often the training pieces held the label at this index. */
    public int count(int index) {
        return counts[index];
    }

    public List<String> labels() {
        return labels;
    }

    /** The index of the most frequent label (the lowest index on a tie). */
    public int mostFrequent() {
        int best = 0;
        for (int i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
        return best;
    }

    public void write(Writer out) throws IOException {
        for (int i = 0; i < labels.size(); i++) out.write(labels.get(i) + "\t" + counts[i] + "\n");
        out.flush();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IOException when a line is not {@code label<TAB>count}, naming the line
     */
    public static Vocabulary read(Reader in) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        BufferedReader lines = new BufferedReader(in);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isEmpty()) continue;
            int tab = line.indexOf('\t');
            try {
                if (tab <= 0) throw new NumberFormatException("no tab");
                labels.add(line.substring(0, tab));
                counts.add(Integer.parseInt(line.substring(tab + 1)));
            } catch (NumberFormatException e) {
                throw new IOException("vocabulary line " + number + " is not label<TAB>count: '" + line + "'", e);
            }
        }
        try {
            return new Vocabulary(labels, counts);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad vocabulary: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && labels.equals(v.labels) && java.util.Arrays.equals(counts, v.counts);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary" + labels.subList(0, Math.min(5, labels.size())) + (labels.size() > 5 ? "... (" + size()
                + ")" : "");
    }
}
