package org.initsweep.cli;

import java.io.PrintWriter;
import java.util.List;
import org.initsweep.core.EngineVersion;
import org.initsweep.core.MessageLines;
import org.initsweep.core.UserInputException;
import org.initsweep.core.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code initsweep} command line. Exit codes: 0 done, 2 bad input ({@link UserInputException}:
 * spec, arguments, data, output directory), 1 anything else (out of memory, said with the setting to
 * raise; a failed download, {@link org.initsweep.core.UnavailableException}; otherwise "internal error"),
 * 130 interrupted by Ctrl-C (143 by SIGTERM: the JVM exits with 128 + the signal). Errors are one line on
 * stderr; {@code --debug} adds stack traces.
 */
@Command(name = "initsweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Sweeps weight initialization of deep networks on Spark and shows where the signal "
                + "vanishes, stays stable or explodes.",
        subcommands = {RunCommand.class, AnalyzeCommand.class, SqlCommand.class, ValidateCommand.class, DataCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for any other failure. */
    public static final int FAILURE = 1;
    /**
     * Exit code after Ctrl-C (128 + SIGINT, as shells report an interrupted command); after SIGTERM the JVM's
     * shutdown ends the process with 143 (128 + SIGTERM), with the same line said.
     */
    public static final int INTERRUPTED_EXIT = 130;

    /**
     * Spark's log level, set here for log4j2.properties ({@code INITSWEEP_SPARK_LOG}, --debug); outside the
     * {@code initsweep.} names a user sets, so that no one sets it in vain.
     */
    static final String SPARK_LOG_LEVEL_PROPERTY = "initsweepSparkLogLevel";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final String COMMANDS = "run, analyze, sql, validate or data";

    /** Without a command there is nothing to do: the usage on stderr and exit 2, as for any bad argument. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "initsweep: missing command (" + COMMANDS + ")");
    }

    /** Entry point; exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        System.setOut(LineOutput.stdout());
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        String sparkLog = System.getenv("INITSWEEP_SPARK_LOG");
        System.setProperty(SPARK_LOG_LEVEL_PROPERTY, debug ? "warn" : sparkLog != null ? sparkLog : "fatal");
        Thread mainThread = Thread.currentThread();
        Thread hook = new Thread(() -> {
            // Ctrl-C: Spark's own shutdown hook cancels the jobs; say what that means, once. What follows
            // is the fallout of that cancellation (the job's "SparkContext was shut down", stack traces
            // of Spark's futures refused by its stopped pools): silenced unless --debug.
            if (mainThread.isAlive() && !DONE.get()) {
                INTERRUPTED.set(true);
                // on a terminal the line starts below the ^C it echoed (and any progress line drawn); a log or a
                // file gets no blank line (the test Progress uses to draw)
                System.err.println((System.console() != null ? "\n" : "") + situation.ifInterrupted());
                System.err.flush();
                if (!debug) {
                    System.setErr(SILENT);
                }
            }
        }, "initsweep-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        // A thread of Spark's that dies of an OutOfMemoryError may stop the SparkContext, so the command
        // only sees "cancelled because SparkContext was shut down": remember it for the one line the
        // command says, and (without --debug) print nothing else from then on — as after Ctrl-C, what
        // follows is the fallout (stack traces of Spark's futures refused by its stopping pools). The
        // command's own error writer was bound to the real stderr when it started (execute).
        Thread.UncaughtExceptionHandler jvmDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (e instanceof OutOfMemoryError oom) {
                OutOfMemory.seenElsewhere(oom);
                if (!debug) {
                    System.setErr(SILENT);
                    return;
                }
            }
            if (jvmDefault != null) {
                jvmDefault.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace();
            }
        });
        int code = execute(args);
        DONE.set(true);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Where stderr goes once silenced. Made before it is needed: the handler of an OutOfMemoryError must not
     * allocate, or the JVM itself prints "Exception: java.lang.OutOfMemoryError thrown from the
     * UncaughtExceptionHandler" beside the command's one line.
     */
    private static final java.io.PrintStream SILENT = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

    /** What Ctrl-C means for the command under way; commands that leave something to resume say so. */
    private static volatile Situation situation = Situation.NONE;

    /** What the command under way says about itself from now on (to the Ctrl-C hook and the error report). */
    static void during(Situation s) {
        situation = s;
    }

    /** Prints one warning line on stderr, the prefix every command's warnings share. */
    static void warn(String line) {
        System.err.println("initsweep: warning: " + line);
    }

    /** The command's situation at this moment. */
    static Situation situation() {
        return situation;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean DONE = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.concurrent.atomic.AtomicBoolean INTERRUPTED =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // a query may start with a "-- comment" line, which picocli would otherwise take for an option
        cl.getSubcommands().get("sql").setUnmatchedOptionsArePositionalParams(true);
        return execute(cl, args);
    }

    /** Runs {@code args} on {@code cl} with this command line's error handling. */
    static int execute(CommandLine cl, String... args) {
        situation = Situation.NONE;
        OutOfMemory.reset();
        cl.getErr(); // bound now: System.err may be silenced later (main's handler of an OutOfMemoryError)
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cl.setExecutionExceptionHandler((e, line, parsed) -> report(line.getErr(), e, debug));
        cl.setParameterExceptionHandler(Main::badArguments);
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli passes Errors through. Besides an OutOfMemoryError or Hadoop's FSError on this thread, a
            // class whose static initializer ran out of heap on another thread is a NoClassDefFoundError here
            // ("Could not initialize class …", caused by "Exception java.lang.OutOfMemoryError … [in thread …]")
            return report(cl.getErr(), e, debug);
        }
    }

    /**
     * A bad command line: one line naming the command and what is wrong, exit 2; the whole usage only
     * when no command was given (what someone typing {@code initsweep} alone wants to see).
     */
    static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        if (line.getParent() == null && line.getCommandSpec().userObject() instanceof Main) {
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                    && !u.getUnmatched().get(0).startsWith("-")) {
                String word = u.getUnmatched().get(0);
                err.println("initsweep: unknown command '" + word + "'"
                        + org.initsweep.core.spec.JsonText.didYouMean(word, List.copyOf(line.getSubcommands().keySet()))
                        + "; the commands are " + COMMANDS + " (initsweep --help describes them)");
                return BAD_INPUT;
            }
            err.println(e.getMessage());
            line.usage(err);
            return BAD_INPUT;
        }
        String command = line.getCommandSpec().qualifiedName();
        err.println(command + ": " + e.getMessage() + " (" + command + " --help lists the arguments)");
        return BAD_INPUT;
    }

    static int report(PrintWriter err, Throwable e, boolean debug) {
        if (INTERRUPTED.get() && !debug) {
            return INTERRUPTED_EXIT; // the shutdown hook has said it; this is Spark cancelling the job
        }
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof SpecException) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        Situation now = situation;
        // the machine or Spark failed under the command: whatever failed next (a table read said as unreadable,
        // a job) failed for that, not for the user's input
        var machine = OutOfMemory.describe(e, now.ifOutOfMemory(), now.tasksHere())
                .or(() -> DiskFull.describe(e, now.directory()))
                .or(() -> StoppedContext.describe(now.contextStopped()));
        if (machine.isPresent()) {
            err.println("initsweep: " + machine.get());
            return FAILURE;
        }
        // bad input, also when only a Spark task could find it (a run's data): inside the job's failure
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserInputException u) {
                err.println("initsweep: " + u.getMessage());
                return BAD_INPUT;
            }
        }
        if (e instanceof org.initsweep.core.UnavailableException) {
            err.println("initsweep: " + e.getMessage());
            return FAILURE;
        }
        var known = Unreachable.describe(e, now.reads())
                .or(() -> org.initsweep.analysis.ResultViews.brokenFile(e).map(Diagnosis::badInput));
        if (known.isPresent()) {
            err.println("initsweep: " + known.get().line());
            return known.get().exitCode();
        }
        // Not the user's input: a fault of initsweep (or of the machine), said as such.
        String msg = e.getMessage() == null ? e.getClass().getName()
                : e.getClass().getSimpleName() + ": " + MessageLines.firstLine(e.getMessage());
        err.println("initsweep: internal error: " + msg
                + (debug ? "" : " (rerun with --debug for the stack trace, and report it)"));
        return FAILURE;
    }

    /** Prints the engine version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"initsweep " + EngineVersion.get()};
        }
    }
}
