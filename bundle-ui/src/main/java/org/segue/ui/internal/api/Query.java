package org.segue.ui.internal.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

/**
 * The parameters of a request's query string, and only those: the servlet API's own parameters would also read a
 * form-encoded body, which is the score itself here (curl sends {@code --data-binary} files as a form).
 */
final class Query {

    private Query() {
    }

    /** The values by name; the last one wins where a name repeats. */
    static Map<String, String> of(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) return values;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.put(name, value);
        }
        return values;
    }

    static String get(HttpServletRequest request, String name) {
        return of(request).get(name);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray % stays as it is; the value is then refused where it matters
        }
    }
}
