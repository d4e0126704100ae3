package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.junit.jupiter.api.Test;

/** Valid specs, their defaults, and the round trip through {@link SpecWriter}. */
class SpecReaderTest {

    static final String FULL = """
            {"name": "demo", "description": "all fields",
             "depths": [2, 10], "widths": [16], "activations": ["tanh", {"name": "leaky_relu", "slope": 0.2}],
             "inits": ["he_normal", {"scheme": "identity_scaled", "alpha": 1.5}, {"scheme": "constant", "value": 0.1}],
             "multipliers": [0.5, 1, 2], "sigma_b2": [0, 0.05], "datasets": ["moons", "gaussian"], "seeds": [3, 4],
             "samples": 128, "epochs": 4, "learning_rate": 0.05, "batch_size": 32, "record_epochs": [4, 0],
             "precision": "float64"}
            """;

    @Test
    void readsEveryField() throws SpecException {
        SweepSpec s = SpecReader.parse(FULL, "full.json");
        assertEquals("demo", s.name());
        assertEquals(List.of(2, 10), s.depths());
        assertEquals(List.of(Activation.TANH, Activation.leakyRelu(0.2)), s.activations());
        assertEquals(List.of(InitSpec.of(InitScheme.HE_NORMAL), new InitSpec(InitScheme.IDENTITY_SCALED, 1.5),
                new InitSpec(InitScheme.CONSTANT, 0.1)), s.inits());
        assertEquals(List.of(0.5, 1.0, 2.0), s.multipliers());
        assertEquals(List.of(0.0, 0.05), s.sigmaB2());
        assertEquals(List.of(new DatasetSource.Generated(DatasetKind.MOONS), new DatasetSource.Generated(DatasetKind.GAUSSIAN)),
                s.datasets());
        assertEquals(List.of(3L, 4L), s.seeds());
        assertEquals(128, s.samples());
        assertEquals(32, s.batchSize());
        assertEquals(List.of(0, 4), s.recordEpochs(), "sorted");
        assertEquals(Precision.FLOAT64, s.precision());
    }

    @Test
    void aBatchLargerThanTheGeneratedDefaultIsLeftToARealDatasetsSize() throws SpecException {
        // digits' training split is known only once read; SweepData refuses a batch larger than it there
        SweepSpec s = SpecReader.parse("""
                {"name": "r", "depths": [3], "widths": [8], "activations": ["tanh"], "inits": ["scaled_normal"],
                 "datasets": ["digits"], "batch_size": 1000}
                """, "r.json");
        assertEquals(1000, s.batchSize());
    }

    @Test
    void fillsDefaults() throws SpecException {
        SweepSpec s = SpecReader.parse("""
                {"name": "min", "depths": [3], "widths": [8], "activations": ["relu"], "inits": ["scaled_normal"]}
                """, "min.json");
        assertEquals(List.of(1.0), s.multipliers());
        assertEquals(List.of(0.0), s.sigmaB2());
        assertEquals(List.of(new DatasetSource.Generated(DatasetKind.GAUSSIAN)), s.datasets());
        assertEquals(List.of(0L), s.seeds());
        assertEquals(0, s.samples(), "each dataset's default");
        assertEquals(0, s.batchSize(), "full batch by default");
        RunSpec run = new Grid(s).run(0);
        assertEquals(256, run.samples(), "a generated dataset's default");
        assertEquals(256, run.batchSize(), "full batch");
        assertEquals(10, s.epochs());
        assertEquals(List.of(0, 10), s.recordEpochs());
        assertEquals(Precision.FLOAT32, s.precision());
    }

    @Test
    void writerOutputReadsBackToAnEqualSpec() throws SpecException {
        SweepSpec s = SpecReader.parse(FULL, "full.json");
        assertEquals(s, SpecReader.parse(SpecWriter.toJson(s), "written.json"));
    }
}
