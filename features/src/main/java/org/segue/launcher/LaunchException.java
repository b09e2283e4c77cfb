package org.segue.launcher;

/** The framework or the bundles could not be brought up; the message is one line for the user. */
public class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
