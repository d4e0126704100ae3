package org.initsweep.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.initsweep.core.UnavailableException;

/**
 * Checks that a standalone master ({@code spark://host:port[,host:port…]}) accepts connections before a
 * session is built on it: otherwise Spark's client retries for a minute, gives the application up with
 * its logs silenced, and the next job fails on a stopped SparkContext, which reads as an internal error.
 */
final class MasterProbe {

    /** Spark's default standalone master port. */
    static final int DEFAULT_PORT = 7077;
    /** How long one address may take to accept, in milliseconds. */
    static final int TIMEOUT_MS = 5_000;

    private MasterProbe() {
    }

    /**
     * @param master a {@code spark://} master URL; other masters are left to Spark
     * @throws UnavailableException naming the master and what its first address said, when no address accepts
     */
    static void requireReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        List<String> said = new ArrayList<>();
        for (String address : master.substring("spark://".length()).split(",")) {
            String a = address.strip();
            int colon = a.lastIndexOf(':');
            String host = colon < 0 ? a : a.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? DEFAULT_PORT : Integer.parseInt(a.substring(colon + 1));
            } catch (NumberFormatException e) {
                return; // not an address this probe understands: Spark's own parser says what is wrong
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
                return;
            } catch (IOException | IllegalArgumentException e) {
                said.add(a + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e instanceof java.net.UnknownHostException ? "unknown host" : e.getMessage()));
            }
        }
        throw new UnavailableException("cannot reach the Spark master " + master + " (" + String.join("; ", said)
                + "): check --master (or spark.master) and that the cluster is up");
    }
}
