package org.initsweep.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.initsweep.core.Quantities;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code initsweep validate SPEC}: check a spec without running it (no Spark started). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check SPEC and print the size of its grid, without running anything.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", converter = SpecFile.class, description = "Sweep spec (JSON).")
    Path spec;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        SweepSpec s = SpecReader.read(spec);
        org.initsweep.core.train.Trainer.checkSystemProperties(); // what run would refuse, validate does
        long runs = new Grid(s).size();
        System.out.printf(java.util.Locale.ROOT, "%s: valid, sweep '%s' with %s%n", spec, s.name(),
                Quantities.plural(runs, "run"));
        if (runs > RunCommand.DEFAULT_MAX_RUNS) {
            System.out.printf(java.util.Locale.ROOT, "%s: note: more runs than run's default --max-runs (%d); pass --max-runs %d to run it%n",
                    spec, RunCommand.DEFAULT_MAX_RUNS, runs);
        }
        return 0;
    }
}
