package org.segue.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code segue serve} listens. Felix HTTP takes its address from framework properties when its bundle
 * starts, before any command runs, so the launcher reads {@code --port} and {@code --host} itself and hands them
 * over; every other command runs with HTTP off. The serve command checks the same options again and reports
 * mistakes in them.
 */
record ServeAddress(String host, int port) {

    static final String COMMAND = "serve";
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8080;

    /** The address {@code args} ask for, or null when they are not a serve command. */
    static ServeAddress of(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals(COMMAND)) return null;
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        for (int i = 1; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--host")) host = args.get(i + 1);
            if (args.get(i).equals("--port")) {
                try {
                    port = Integer.parseInt(args.get(i + 1));
                } catch (NumberFormatException e) {
                    return null; // the command itself says what is wrong with it
                }
            }
        }
        return port < 0 || port > 65535 ? null : new ServeAddress(host, port);
    }

    /** Framework properties that switch Felix HTTP on at this address, or off for {@code address} null. */
    static Map<String, String> frameworkProperties(ServeAddress address) {
        Map<String, String> properties = new HashMap<>();
        properties.put("org.apache.felix.http.enable", Boolean.toString(address != null));
        if (address != null) {
            properties.put("org.osgi.service.http.port", Integer.toString(address.port()));
            properties.put("org.apache.felix.http.host", address.host());
        }
        return properties;
    }

    /**
     * Null when the address can be listened on now, else one line saying why not. (It is free again when Felix
     * HTTP binds it a moment later; another program could take it meanwhile, which Felix HTTP then logs.)
     */
    String problem() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return null;
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return "segue serve: cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); stop what uses it or choose another --port or --host";
        }
    }
}
