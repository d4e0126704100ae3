package org.initsweep.cli;

import static org.initsweep.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.initsweep.core.data.DataShape;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.spec.Preflight;
import org.initsweep.core.spec.SpecReader;
import org.initsweep.core.spec.SweepSpec;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * The specs of conf/papers/ validate: Schoenholz et al. 2017's trainability diagram, whose preflight
 * sizes match what they promise (the laptop spec within the work a 2-core laptop does in 15 minutes,
 * the cluster spec far beyond it), and Pennington et al. 2017's isometry spec.
 */
class PaperSpecsTest {

    /**
     * Work a 2-core laptop does in 15 minutes on these networks, with room to spare: the digits spec's
     * sweep (1.8 TFLOP) ran in 79 s on 2 shared cores, 23 GFLOP/s, so 15 minutes hold about 20 TFLOP;
     * half of it is left to the analysis, the JVM's warm-up and a slower machine.
     */
    static final double LAPTOP_BUDGET_FLOPS = 10e12;

    /** The shapes of the datasets as prepared (MNIST: 784 features, 10,000 test digits; digits: 80/20 split). */
    static DataShape shape(SweepSpec spec, DatasetSource source) {
        return switch (source.name()) {
            case "mnist" -> new DataShape(784, spec.samples() > 0 ? Math.min(spec.samples(), 60_000) : 60_000, 10_000, 10);
            case "digits" -> new DataShape(64, 1438, 359, 10);
            default -> throw new AssertionError("unexpected dataset " + source.name());
        };
    }

    private static Preflight preflight(String file) throws Exception {
        SweepSpec s = SpecReader.read(TestSpark.conf("papers").resolve(file));
        return Preflight.of(s, (source, width) -> shape(s, source));
    }

    @Test
    void everyPaperSpecIsValidAndAsksForTestAccuracy(@org.junit.jupiter.api.io.TempDir Path noData) throws Exception {
        List<Path> specs;
        try (Stream<Path> s = Files.list(TestSpark.conf("papers"))) {
            specs = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(5, specs.size(), specs.toString());
        for (Path spec : specs) {
            ArticleSpecsTest.validShipped(spec, noData);
            SweepSpec s = SpecReader.read(spec);
            if (spec.getFileName().toString().startsWith("pennington-2017")) {
                assertTrue(s.outputs().jacobian(), "the isometry spec measures the Jacobian");
                assertEquals(List.of("scaled_normal", "orthogonal"), s.inits().stream().map(i -> i.label()).toList());
                assertEquals(List.of(1.0, 2.0), s.multipliers(), "tanh's and ReLU's critical m");
                continue;
            }
            assertTrue(s.activations().stream().allMatch(a -> a.label().equals("tanh")), spec.toString());
            assertEquals(List.of(0.05), s.sigmaB2(), spec.toString());
            assertEquals(1.0, s.multipliers().get(0), spec.toString());
            assertEquals(4.0, s.multipliers().get(s.multipliers().size() - 1), spec.toString());
        }
    }

    @Test
    void theLaptopSpecFitsItsBudgetAndTheClusterSpecIsFullSize() throws Exception {
        Preflight laptop = preflight("schoenholz-2017-mnist-laptop.json");
        assertTrue(laptop.flops() <= LAPTOP_BUDGET_FLOPS, laptop.describe());
        assertTrue(SpecReader.read(TestSpark.conf("papers").resolve("schoenholz-2017-mnist-laptop.json")).depths()
                .contains(100), "depths up to 100");
        Preflight cluster = preflight("schoenholz-2017-mnist-cluster.json");
        assertTrue(cluster.flops() >= 100 * laptop.flops(), cluster.describe() + " vs " + laptop.describe());
        Preflight digits = preflight("schoenholz-2017-digits.json");
        assertTrue(digits.flops() <= LAPTOP_BUDGET_FLOPS, digits.describe());
        Preflight optimizers = preflight("schoenholz-2017-optimizers-digits.json");
        assertEquals(6 * digits.runs(), optimizers.runs(), "3 optimizers × 2 learning rates");
    }
}
