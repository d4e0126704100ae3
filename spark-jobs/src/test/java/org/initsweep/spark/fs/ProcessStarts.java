package org.initsweep.spark.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/** The processes this JVM starts while a piece of code runs, from Flight Recorder's {@code jdk.ProcessStart}. */
public final class ProcessStarts {

    /** Code under watch. */
    public interface Body {
        void run() throws Exception;
    }

    private ProcessStarts() {
    }

    /** How many processes {@code body} started. */
    public static long during(Body body) throws Exception {
        return commands(body).size();
    }

    /** The command lines of the processes {@code body} started. */
    public static java.util.List<String> commands(Body body) throws Exception {
        Path file = Files.createTempFile("process-starts", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ProcessStart").withStackTrace();
            r.start();
            body.run();
            r.stop();
            r.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.ProcessStart"))
                    .map(e -> e.getString("command")).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
