package org.segue.ui;

/**
 * An action could not make its preview. The message is one line for the composer: what is wrong and what to do.
 */
public class ActionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the action failed, so that a host can answer accordingly (an HTTP host with 400, 503 or 500). */
    public enum Reason {
        /** An option's value is not allowed, or the document cannot be worked on; the composer can fix it. */
        BAD_INPUT,
        /** Something the action needs is missing now (a service, a model); trying again later may work. */
        UNAVAILABLE,
        /** Anything else. */
        FAILED
    }

    private final Reason reason;

    public ActionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ActionException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
