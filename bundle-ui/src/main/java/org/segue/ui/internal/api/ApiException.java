package org.segue.ui.internal.api;

/** A request the API answers with an error: the HTTP status and the one line of {@code {"error": ...}}. */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    static final int BAD_REQUEST = 400;
    static final int FORBIDDEN = 403;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONFLICT = 409;
    static final int TOO_LARGE = 413;
    static final int UNAVAILABLE = 503;

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    ApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(BAD_REQUEST, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(NOT_FOUND, message);
    }
}
