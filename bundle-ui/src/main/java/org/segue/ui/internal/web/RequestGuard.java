package org.segue.ui.internal.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Keeps the editor and its API to the composer's own browser: a request whose {@code Host} names anything but this
 * server (DNS rebinding) is refused, so is every request other than GET or HEAD that another site's page sends
 * ({@code Origin}, {@code Sec-Fetch-Site}), and every answer carries a strict Content-Security-Policy.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("segue-request-guard")
@HttpWhiteboardFilterPattern("/*")
public class RequestGuard implements Filter {

    /** The framework property with the address the HTTP server was asked to listen on (Felix HTTP's name). */
    static final String HOST_PROPERTY = "org.apache.felix.http.host";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
            + "style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private volatile String configuredHost = "";

    public RequestGuard() {
    }

    RequestGuard(String configuredHost) {
        this.configuredHost = configuredHost == null ? "" : configuredHost;
    }

    @Activate
    void activate(BundleContext context) {
        String host = context.getProperty(HOST_PROPERTY);
        configuredHost = host == null ? "" : host.strip();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        addSecurityHeaders(response);
        String refusal = refusal(request);
        if (refusal != null) {
            byte[] body = ("{\"error\":\"" + refusal.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=utf-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(req, res);
    }

    /** Why the request is refused, or null when it may go on. */
    String refusal(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || !isOwnHost(host, request.getLocalAddr(), request.getLocalPort())) {
            return "refused: Host '" + host + "' is not this Segue server";
        }
        if (SAFE_METHODS.contains(request.getMethod())) return null;
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals(request.getScheme() + "://" + host)) {
            return "refused: a page from " + origin + " may not change anything here";
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !(site.equals("same-origin") || site.equals("none"))) {
            return "refused: a " + site + " request may not change anything here";
        }
        return null;
    }

    private boolean isOwnHost(String hostHeader, String localAddress, int localPort) {
        URI uri;
        try {
            uri = new URI("http://" + hostHeader + "/");
        } catch (URISyntaxException e) {
            return false;
        }
        String name = uri.getHost();
        if (name == null || uri.getUserInfo() != null) return false;
        if (uri.getPort() != -1 && uri.getPort() != localPort) return false;
        String bare = name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.equals(configuredHost.toLowerCase(Locale.ROOT))) return true;
        if (isLiteralAddress(lower)) {
            try {
                InetAddress address = InetAddress.getByName(lower); // a literal: no name lookup happens
                return address.isLoopbackAddress() || address.equals(InetAddress.getByName(localAddress));
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean isLiteralAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static void addSecurityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    }
}
