package org.initsweep.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Says that a file system named by a path (an {@code hdfs://} name node, a gateway) could not be reached,
 * from the network exception anywhere in a failure: the address or the service is at fault, not
 * initsweep, so it is no internal error.
 */
final class Unreachable {

    private Unreachable() {
    }

    /**
     * @param directory the directory the command reads or writes (null if unknown)
     * @return one line naming the directory and what the network said, with exit {@link Main#BAD_INPUT}
     *         for a host that does not resolve (the address is the user's input) and {@link Main#FAILURE}
     *         otherwise; or empty when the failure is not an unreachable host
     */
    static Optional<Diagnosis> describe(Throwable failure, String directory) {
        String where = directory == null ? "the file system" : directory;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.apache.hadoop.ipc.RpcException) {
                // something answers on that port, but not Hadoop's RPC: typically the name node's web port
                return Optional.of(Diagnosis.failure("cannot reach " + where + ": its port answers, but not as the file"
                        + " system's RPC service (" + String.valueOf(t.getMessage()).strip() + "); is it the web UI's"
                        + " port? (HDFS's RPC port is fs.defaultFS's, often 8020)"));
            }
            if (t instanceof UnknownHostException) {
                return Optional.of(Diagnosis.badInput(org.initsweep.spark.OutputStore.unknownHost(where, t.getMessage())));
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                String said = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                return Optional.of(Diagnosis.failure("cannot reach " + where + " ("
                        + org.initsweep.spark.OutputStore.withoutWiki(said) + "): check that its service is up and the"
                        + " address is right"));
            }
        }
        return Optional.empty();
    }
}
