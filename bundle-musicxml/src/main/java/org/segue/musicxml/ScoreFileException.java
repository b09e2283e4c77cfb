package org.segue.musicxml;

/**
 * A score file that cannot be read or written. The message is one line for people: the file, the place in it
 * where known (part, measure), what is wrong, and what to do.
 */
public class ScoreFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String place;
    private final String problem;

    /**
     * @param file the file name or path, as the user gave it
     * @param place where in the file, like {@code part P1, measure 12}; null or empty where not known
     * @param problem what is wrong and what to do
     */
    public ScoreFileException(String file, String place, String problem, Throwable cause) {
        super(format(file, place, problem), cause);
        this.file = file;
        this.place = place == null ? "" : place;
        this.problem = problem;
    }

    public ScoreFileException(String file, String place, String problem) {
        this(file, place, problem, null);
    }

    public String file() {
        return file;
    }

    public String place() {
        return place;
    }

    public String problem() {
        return problem;
    }

    private static String format(String file, String place, String problem) {
        return file + (place == null || place.isEmpty() ? "" : ": " + place) + ": " + problem;
    }
}
