package org.segue.core.internal.preprocess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which pieces train the networks and which are held out, decided by piece name only, so the same names always
 * split the same way whatever their order, the seed or the rest of the corpus's content: the pieces are ordered by
 * the SHA-256 hash of their names, and the first {@code round(share * n)} (at least one, and never all) are held
 * out. A corpus of one piece holds nothing out.
 */
public record PieceSplit(List<String> training, List<String> heldOut) {

    public PieceSplit {
        training = List.copyOf(training);
        heldOut = List.copyOf(heldOut);
        Set<String> overlap = new HashSet<>(training);
        overlap.retainAll(heldOut);
        if (!overlap.isEmpty()) throw new IllegalArgumentException("pieces both trained on and held out: " + overlap);
    }

    public static PieceSplit of(List<String> names, double heldOutShare) {
        List<String> byHash = new ArrayList<>(names);
        byHash.sort(Comparator.comparing(PieceSplit::hash).thenComparing(Comparator.naturalOrder()));
        int n = byHash.size();
        int held = n < 2 ? 0 : Math.max(1, Math.min(n - 1, (int) Math.round(heldOutShare * n)));
        Set<String> heldOut = new HashSet<>(byHash.subList(0, held));
        return new PieceSplit(names.stream().filter(s -> !heldOut.contains(s)).toList(),
                names.stream().filter(heldOut::contains).toList());
    }

    public boolean isHeldOut(String name) {
        return heldOut.contains(name);
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) hex.append(String.format("%02x", b));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
