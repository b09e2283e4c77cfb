package org.segue.training;

/**
 * Training, evaluation or a model file went wrong. The message is one line for people: the file or corpus, what
 * is wrong, and what to do, like {@code model.segue-model: not a Segue model (truncated zip entry treble.network);
 * retrain or pass another --model}. The cause, where there is one, carries the details for the log.
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
