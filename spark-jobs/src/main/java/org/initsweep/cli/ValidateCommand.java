package org.initsweep.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.initsweep.core.spec.Grid;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code initsweep validate SPEC}: check a spec without running it (no Spark started). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check SPEC and print the size of its grid, without running anything.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "Sweep spec (JSON).")
    Path spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        SweepSpec s = SpecReader.read(spec);
        System.out.printf("%s: valid, sweep '%s' with %d runs%n", spec, s.name(), new Grid(s).size());
        return 0;
    }
}
