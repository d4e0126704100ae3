package org.initsweep.core.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP mirror for download tests (the JDK's {@code com.sun.net.httpserver}) on 127.0.0.1: serves
 * the MNIST stand-in files under {@code /<mirror>/<name>}, each mirror with its own faults, and counts
 * requests.
 */
final class MnistServer implements AutoCloseable {

    /** How a mirror answers. */
    enum Mode {
        /** The file. */
        GOOD,
        /** The file with one byte changed (same length). */
        CORRUPT,
        /** The first request for each file stops half-way through the body; later ones are good. */
        CUT_ONCE,
        /** Every request stops half-way through the body. */
        CUT_ALWAYS,
        /** 404 for everything. */
        NOT_FOUND,
        /** 503 for everything. */
        UNAVAILABLE
    }

    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    MnistServer(Map<String, Mode> mirrors) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (Map.Entry<String, Mode> m : mirrors.entrySet()) {
            String prefix = "/" + m.getKey() + "/";
            server.createContext(prefix, ex -> handle(ex, prefix, m.getValue()));
        }
        server.start();
    }

    /** Base URL of a mirror. */
    URI mirror(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/");
    }

    /** Requests received for a path, e.g. {@code /good/train-images-idx3-ubyte.gz}. */
    int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    /** Requests received in all. */
    int requests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange ex, String prefix, Mode mode) throws IOException {
        String path = ex.getRequestURI().getPath();
        int count = requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        try (ex) {
            String name = path.substring(prefix.length());
            int index = -1;
            for (int i = 0; i < 4; i++) {
                if (Mnist.FILES.get(i).name().equals(name)) {
                    index = i;
                }
            }
            if (index < 0 || mode == Mode.NOT_FOUND) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (mode == Mode.UNAVAILABLE) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = MnistFixture.bytes(index);
            if (mode == Mode.CORRUPT) {
                body = body.clone();
                body[body.length / 2] ^= 1;
            }
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            if (mode == Mode.CUT_ALWAYS || mode == Mode.CUT_ONCE && count == 1) {
                out.write(body, 0, body.length / 2);
                out.flush();
                // Abandon the exchange: the server closes the connection with the body incomplete.
                throw new IOException("cut");
            }
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
