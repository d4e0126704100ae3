package org.initsweep.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes. */
final class CommonOptions {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[*]; under spark-submit leave it out).")
    String master;

    @Option(names = "--debug", description = "Print stack traces on errors, and Spark's own warnings"
            + " (INITSWEEP_SPARK_LOG=LEVEL sets Spark's log level alone).")
    boolean debug;
}
