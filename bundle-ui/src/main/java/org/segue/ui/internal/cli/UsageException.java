package org.segue.ui.internal.cli;

/** The arguments do not fit the command's usage; the message says what is wrong, briefly. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String problem) {
        super(problem);
    }
}
