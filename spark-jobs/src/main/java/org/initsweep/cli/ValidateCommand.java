package org.initsweep.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.initsweep.core.Quantities;
import org.initsweep.core.data.DataShape;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.data.MemoryBudget;
import org.initsweep.core.spec.Preflight;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.spark.data.SweepData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code initsweep validate SPEC}: check a spec without running it (no Spark started), and the data files it
 * names as {@code run} reads them (but for a parquet table or a file on another file system, which Spark reads).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check SPEC and the data files it names, and print the size of its grid, without running"
                + " anything.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", converter = SpecFile.class, description = "Sweep spec (JSON).")
    Path spec;

    @Option(names = "--data-dir", paramLabel = "DIR", converter = Directory.class, description = "Where MNIST and other"
            + " fetched datasets are kept (default: $INITSWEEP_DATA, else ~/.initsweep/data).")
    String dataDir;

    @Option(names = "--no-data", description = "Check the spec alone, without reading the data it names.")
    boolean noData;

    @Option(names = "--master", paramLabel = "URL", description = "The master run would use, for its memory check"
            + " (default: spark-submit's, else " + org.initsweep.spark.SparkSessions.DEFAULT_MASTER + ").")
    String master;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        SweepSpec s = SpecReader.read(spec);
        org.initsweep.core.train.Trainer.checkSystemProperties(); // what run would refuse, validate does
        SweepData.Local local = noData ? null : SweepData.loadWithoutSpark(s, dataDir, new MemoryBudget(
                Runtime.getRuntime().maxMemory() / 2, "half of the JVM's heap",
                "INITSWEEP_JAVA_OPTS=-Xmx… (bin/initsweep)"));
        List<String> dataLines = noData ? List.of() : dataLines(s, local);
        long runs = new Grid(s).size();
        System.out.printf(java.util.Locale.ROOT, "%s: valid, sweep '%s' with %s%n", spec, s.name(),
                Quantities.plural(runs, "run"));
        dataLines.forEach(l -> System.out.println(spec + ": " + l));
        if (local != null && local.unread().isEmpty()) {
            // every dataset's shape is known: what run says before it starts, said here as notes
            Preflight.Shapes shapes = local.data().shapes(s);
            Preflight.withoutBoundaries(s, shapes).forEach(l -> System.out.println(spec + ": note: " + l));
            org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf();
            String on = org.initsweep.spark.SparkSessions.master(conf, master);
            try {
                RunCommand.checkMemory(Preflight.of(s, shapes), conf, on);
            } catch (org.initsweep.core.UserInputException e) {
                System.out.println(spec + ": note: run would refuse it here: " + e.getMessage());
            }
        }
        if (runs > RunCommand.DEFAULT_MAX_RUNS) {
            System.out.printf(java.util.Locale.ROOT, "%s: note: more runs than run's default --max-runs (%d); pass --max-runs %d to run it%n",
                    spec, RunCommand.DEFAULT_MAX_RUNS, runs);
        }
        return 0;
    }

    /**
     * Reads the spec's real data as {@code run} would, and says per dataset what a run gets from it, or why
     * {@code run} is left to read it.
     *
     * @throws org.initsweep.core.UserInputException for a file {@code run} would refuse
     */
    private static List<String> dataLines(SweepSpec s, SweepData.Local local) {
        Preflight.Shapes shapes = local.data().shapes(s);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < s.datasets().size(); i++) {
            DatasetSource d = s.datasets().get(i);
            String named = "datasets[" + i + "] (" + d.name() + "): ";
            if (d instanceof DatasetSource.Generated g) {
                // gaussian's input is as wide as the first hidden layer: one line for every width
                java.util.TreeSet<Integer> features = new java.util.TreeSet<>();
                DataShape shape = null;
                for (int[] hidden : Preflight.hiddenShapes(s)) {
                    shape = Preflight.generatedShape(s, g, hidden[0]);
                    features.add(shape.features());
                }
                lines.add(named + "generated, " + shape.trainSamples() + " training and " + shape.testSamples()
                        + " test examples, " + (features.size() == 1 ? Quantities.plural(shape.features(), "feature")
                        : features.headSet(features.last()).stream().map(String::valueOf)
                                .collect(java.util.stream.Collectors.joining(", ")) + " or " + features.last()
                                + " features (the first hidden layer's width)") + ", 2 classes");
                continue;
            }
            if (local.unread().contains(i)) {
                lines.add(named + "not read here: " + (d instanceof DatasetSource.TableFile t
                        && t.format() == DatasetSource.TableFormat.PARQUET ? "a parquet table" : "a file system URI")
                        + ", which run reads through Spark");
            } else {
                DataShape shape = shapes.of(d, 0);
                lines.add(named + shape.trainSamples() + " training and " + shape.testSamples() + " test examples, "
                        + Quantities.plural(shape.features(), "feature") + ", " + shape.classes()
                        + (shape.classes() == 1 ? " class" : " classes"));
            }
        }
        return lines;
    }
}
