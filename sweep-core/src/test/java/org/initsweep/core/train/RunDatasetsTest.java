package org.initsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.initsweep.core.UserInputException;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.data.Preprocessing;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.optim.Sgd;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.Widths;
import org.junit.jupiter.api.Test;

/**
 * A generated dataset with {@code test_fraction}: {@code samples} is the training set's size, exactly, and
 * round(samples/(1 − f)) − samples more are drawn for the test set.
 */
class RunDatasetsTest {

    private static RunSpec moons(int samples, int batch, double testFraction) {
        return new RunSpec("split", 2, Widths.of(4), Activation.TANH, InitSpec.of(InitScheme.SCALED_NORMAL), 1, 0,
                new DatasetSource.Generated(DatasetKind.MOONS), 3, samples, 1, 0.1, batch, List.of(0, 1),
                Precision.FLOAT32, new Sgd(), testFraction, Preprocessing.STANDARDIZE);
    }

    @Test
    void theTrainingSetIsSamplesAndTheTestSetTheRest() {
        // 64 at 0.25: 85 drawn, 21 held out (each class rounded on its own gave 63 + 22)
        RunData d = RunDatasets.GENERATED.of(moons(64, 0, 0.25));
        assertEquals(64, d.train().samples());
        assertEquals(21, d.test().samples());
        // 24 at 0.1: round(26.67) = 27 drawn, 3 held out (was 25 + 2, and a batch of 24 then dropped a row an epoch)
        RunData small = RunDatasets.GENERATED.of(moons(24, 24, 0.1));
        assertEquals(24, small.train().samples());
        assertEquals(3, small.test().samples());
        assertEquals(new org.initsweep.core.data.DataShape(2, 24, 3, 2), RunDatasets.GENERATED.shape(moons(24, 24, 0.1)));
    }

    @Test
    void aFractionThatDrawsNoTestExampleIsRefused() {
        UserInputException e = assertThrows(UserInputException.class, () -> RunDatasets.GENERATED.of(moons(2, 0, 0.1)));
        assertEquals("test_fraction 0.1 of 2 samples leaves no test example", e.getMessage());
    }
}
