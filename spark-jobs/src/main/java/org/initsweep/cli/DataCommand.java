package org.initsweep.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.initsweep.core.UserInputException;
import org.initsweep.core.data.DataDir;
import org.initsweep.core.data.Digits;
import org.initsweep.core.data.Mnist;
import org.initsweep.core.data.MnistFetcher;
import org.initsweep.core.data.MnistStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code initsweep data fetch mnist} and {@code initsweep data list}: the data directory's downloadable
 * datasets (no Spark started). The directory is {@code --data-dir}, else {@code INITSWEEP_DATA}, else
 * {@code ~/.initsweep/data}. The system properties {@value Mnist#MIRRORS_PROPERTY} and
 * {@value Mnist#CHECKSUMS_PROPERTY} replace the mirrors and checksums (tests, air-gapped mirrors).
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Download and list datasets in the data directory (--data-dir, else INITSWEEP_DATA, else "
                + "~/.initsweep/data).",
        subcommands = {DataCommand.Fetch.class, DataCommand.ListCommand.class})
final class DataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand there is nothing to do: one line and exit 2, as for {@code initsweep} alone. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (fetch or list)");
    }

    /** Options both subcommands take. */
    static final class DirOptions {
        @Option(names = "--data-dir", paramLabel = "DIR", converter = Directory.class,
                description = "Data directory (default: $INITSWEEP_DATA, else ~/.initsweep/data).")
        String dataDir;

        @Option(names = "--debug", description = "Print stack traces on errors.")
        boolean debug;

        DataDir.Choice dir() {
            return DataDir.resolve(dataDir);
        }
    }

    /** {@code initsweep data fetch DATASET}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download DATASET (mnist) into the data directory from its public mirrors, checking each "
                    + "file's published checksum; files already there and verified are not downloaded again.")
    static final class Fetch implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DATASET", description = "The dataset: mnist.")
        String dataset;

        @CommandLine.Mixin
        DirOptions options;

        @Override
        public Integer call() {
            if (Digits.NAME.equals(dataset)) {
                System.out.println("digits is built into initsweep; nothing to fetch");
                return 0;
            }
            if (!Mnist.NAME.equals(dataset)) {
                throw new UserInputException("data fetch: unknown dataset \"" + dataset + "\"; downloadable: " + Mnist.NAME);
            }
            // a misspelt -Dinitsweep.mnist.mirrors would otherwise send the download to the default mirrors
            org.initsweep.core.SystemProperties.refuseUnknown(org.initsweep.core.train.Trainer.SYSTEM_PROPERTIES);
            DataDir.Choice dir = options.dir();
            MnistStore store = Mnist.store(dir.path());
            List<MnistFetcher.Fetched> done = new MnistFetcher(store, MnistFetcher.Settings.DEFAULT,
                    line -> System.out.println("mnist: " + line)).fetch();
            long downloaded = done.stream().filter(f -> f.outcome() == MnistFetcher.Outcome.DOWNLOADED).count();
            System.out.printf(Locale.ROOT, "mnist: %d files in %s (%d downloaded, %d already there)%n", done.size(),
                    store.dir(), downloaded, done.size() - downloaded);
            return 0;
        }
    }

    /** {@code initsweep data list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Show the datasets available: built in, and cached in the data directory (checksums verified).")
    static final class ListCommand implements Callable<Integer> {

        @CommandLine.Mixin
        DirOptions options;

        @Override
        public Integer call() {
            // a misspelt -Dinitsweep.mnist.checksums would otherwise list a subset as differing from MNIST's
            org.initsweep.core.SystemProperties.refuseUnknown(org.initsweep.core.train.Trainer.SYSTEM_PROPERTIES);
            DataDir.Choice dir = options.dir();
            System.out.printf(Locale.ROOT, "data directory: %s (%s)%n", dir.path(),
                    dir.from().equals("default") ? "default; --data-dir or " + DataDir.ENV + " change it" : "from " + dir.from());
            System.out.printf(Locale.ROOT, "%-7s built in: %d samples, %d features, 10 classes%n", Digits.NAME, Digits.SAMPLES,
                    Digits.FEATURES);
            MnistStore store = Mnist.store(dir.path());
            List<MnistStore.FileStatus> status = store.status();
            long present = status.stream().filter(s -> s.state() != MnistStore.State.MISSING).count();
            long verified = status.stream().filter(s -> s.state() == MnistStore.State.VERIFIED).count();
            String summary;
            if (present == 0) {
                summary = "not downloaded (initsweep data fetch mnist)";
            } else if (verified == status.size()) {
                summary = "ready in " + store.dir() + ", checksums verified";
            } else if (status.stream().allMatch(s -> s.state() == MnistStore.State.VERIFIED || s.state() == MnistStore.State.UNVERIFIED)) {
                summary = "ready in " + store.dir() + " (" + (status.size() - verified) + " gunzipped file(s) not verifiable)";
            } else if (present == status.size()) {
                long differ = status.stream().filter(s -> s.state() == MnistStore.State.CORRUPT).count();
                summary = "in " + store.dir() + ", but " + differ + " of " + status.size() + (differ == 1 ? " files differs"
                        : " files differ") + (store.published() ? " from the published ones (a subset of your own: -D"
                        + Mnist.CHECKSUMS_PROPERTY + " names its SHA-256s; initsweep data fetch mnist replaces them)"
                        : " from their checksums in -D" + Mnist.CHECKSUMS_PROPERTY);
            } else {
                summary = "incomplete in " + store.dir() + " (initsweep data fetch mnist completes it)";
            }
            System.out.printf(Locale.ROOT, "%-7s %s%n", Mnist.NAME, summary);
            if (present > 0) {
                for (MnistStore.FileStatus s : status) {
                    String state = switch (s.state()) {
                        case VERIFIED -> String.format(Locale.ROOT, "%,d bytes, verified", s.bytes());
                        case UNVERIFIED -> String.format(Locale.ROOT, "%,d bytes, gunzipped as %s (no published checksum)",
                                s.bytes(), s.path().getFileName());
                        case CORRUPT -> "differs from " + store.reference() + ": " + s.detail();
                        case MISSING -> "missing";
                    };
                    System.out.printf(Locale.ROOT, "  %-28s %s%n", s.file().name(), state);
                }
            }
            return 0;
        }
    }
}
