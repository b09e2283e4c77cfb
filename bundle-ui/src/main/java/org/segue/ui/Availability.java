package org.segue.ui;

/**
 * Whether an action can run on a document now, and if not, why, in words for the composer (an editor shows the
 * reason as the disabled menu item's tooltip).
 */
public record Availability(boolean enabled, String reason) {

    /** The action can run. */
    public static final Availability ENABLED = new Availability(true, "");

    public Availability {
        reason = reason == null ? "" : reason;
        if (!enabled && reason.isBlank()) throw new IllegalArgumentException("a disabled action needs a reason");
    }

    public static Availability disabled(String reason) {
        return new Availability(false, reason);
    }
}
