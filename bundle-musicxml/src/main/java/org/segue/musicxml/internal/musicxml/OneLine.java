package org.segue.musicxml.internal.musicxml;

/** Turns a message from a parser or a library into one line that fits into a {@code ScoreFileException}. */
final class OneLine {

    private static final int MAX_LENGTH = 300;

    private OneLine() {
    }

    /** Collapses line breaks and runs of white space; shortens very long texts; never returns null. */
    static String of(String text) {
        if (text == null || text.isBlank()) return "(no details)";
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "...";
    }

    /** The message of a throwable as one line, with its class name where it has no message. */
    static String of(Throwable e) {
        String message = e.getMessage();
        return of(message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
    }
}
