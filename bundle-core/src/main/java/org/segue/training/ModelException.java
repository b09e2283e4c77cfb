package org.segue.training;

/**
 * Training, evaluation or a model file went wrong. The message is one line for people: the file or corpus, what
 * is wrong, and what to do, like {@code model.segue-model: the model file is damaged (it is cut short inside the
 * entry treble/network.zip); copy it again or retrain it with ./segue train}. The cause, where there is one,
 * carries the details for the log.
 */
public class ModelException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        this(message, null);
    }

    public ModelException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
