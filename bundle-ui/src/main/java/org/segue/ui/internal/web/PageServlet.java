package org.segue.ui.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The reference editor's page and its assets, served from this bundle's own resources under {@link #FOLDER} and
 * nothing else: no directory listings, no paths outside the folder, only GET and HEAD.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("segue-page")
@HttpWhiteboardServletPattern("/*")
public class PageServlet extends HttpServlet {

    static final String FOLDER = "org/segue/ui/internal/web/static";

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain;charset=utf-8"));

    private transient Function<String, URL> resources;

    public PageServlet() {
    }

    PageServlet(Function<String, URL> resources) {
        this.resources = resources;
    }

    @Activate
    void activate(BundleContext context) {
        resources = context.getBundle()::getEntry;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String path = request.getPathInfo() == null || request.getPathInfo().equals("/") ? "/index.html"
                : request.getPathInfo();
        URL resource = isPlainPath(path) ? resources.apply(FOLDER + path) : null;
        String type = resource == null ? null : MEDIA_TYPES.get(extension(path));
        if (type == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = resource.openStream()) {
            byte[] bytes = in.readAllBytes();
            response.setContentLength(bytes.length);
            if (method.equals("GET")) response.getOutputStream().write(bytes);
        }
    }

    /** Letters, digits, dots, dashes and underscores in segments; no empty, dot or dot-dot segment. */
    static boolean isPlainPath(String path) {
        if (!path.startsWith("/")) return false;
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".") || !segment.matches("[A-Za-z0-9._-]+")) return false;
        }
        return true;
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
