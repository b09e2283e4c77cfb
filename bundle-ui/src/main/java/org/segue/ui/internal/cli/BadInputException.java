package org.segue.ui.internal.cli;

import org.segue.musicxml.ScoreFileException;

/**
 * An input the command cannot use: its message is the one line shown to the user, naming the file, the place
 * where known, what is wrong and what to do.
 */
public class BadInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadInputException(String line, Throwable cause) {
        super(line, cause);
    }

    public BadInputException(String line) {
        super(line);
    }

    /** A score file that could not be read or written; its message already is that line. */
    public BadInputException(ScoreFileException cause) {
        super(cause.getMessage(), cause);
    }
}
