package org.segue.ui.internal.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;
import org.segue.musicxml.ScoreFiles;

/**
 * A score sent as a request body: read whole (up to a limit), its format taken from the {@code filename} query
 * parameter's extension, else from the media type, else from its first bytes.
 */
final class ScoreUpload {

    private static final Map<String, String> EXTENSION_OF_TYPE = Map.of(
            "application/vnd.recordare.musicxml+xml", "musicxml",
            "application/xml", "musicxml",
            "text/xml", "musicxml",
            "application/vnd.recordare.musicxml", "mxl",
            "application/zip", "mxl",
            "audio/midi", "mid",
            "audio/mid", "mid",
            "audio/x-midi", "mid");

    private ScoreUpload() {
    }

    /** The body's bytes; 413 past {@code limit}, 400 when there are none. */
    static byte[] body(HttpServletRequest request, long limit) throws ApiException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) throw tooLarge(limit);
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) throw tooLarge(limit);
            return bytes;
        }
    }

    /** A score read from a request, with the file name it was read as (which chose its format). */
    record Upload(String name, Score score) {
    }

    /** The score the request's body holds; 400 with the reader's one line when it is not one. */
    static Upload read(HttpServletRequest request, ScoreFiles scoreFiles, long limit) throws ApiException, IOException {
        byte[] bytes = body(request, limit);
        if (bytes.length == 0) throw ApiException.badRequest("the request has no body; send the score file as the body");
        String name = fileName(request, bytes);
        try {
            return new Upload(name, scoreFiles.read(new ByteArrayInputStream(bytes), name));
        } catch (ScoreFileException e) {
            throw new ApiException(ApiException.BAD_REQUEST, oneLine(e.getMessage()), e);
        }
    }

    /** The name the score goes by: the {@code filename} parameter, or one made up with the right extension. */
    private static String fileName(HttpServletRequest request, byte[] bytes) throws ApiException {
        String given = Query.get(request, "filename");
        if (given != null && !given.isBlank()) {
            String name = given.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1).strip();
            if (name.isEmpty() || name.indexOf('.') < 0) {
                throw ApiException.badRequest("filename '" + given + "' needs an extension like .musicxml, .mxl or .mid");
            }
            return name;
        }
        return "upload." + extensionOf(request.getContentType(), bytes);
    }

    private static String extensionOf(String contentType, byte[] bytes) {
        if (contentType != null) {
            String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            String extension = EXTENSION_OF_TYPE.get(type);
            if (extension != null) return extension;
        }
        if (startsWith(bytes, "MThd")) return "mid";
        if (startsWith(bytes, "PK")) return "mxl";
        return "musicxml";
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        if (bytes.length < magic.length()) return false;
        for (int i = 0; i < magic.length(); i++) {
            if (bytes[i] != magic.charAt(i)) return false;
        }
        return true;
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(ApiException.TOO_LARGE, "the request body is larger than the limit of "
                + limit / (1024 * 1024) + " MiB");
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
