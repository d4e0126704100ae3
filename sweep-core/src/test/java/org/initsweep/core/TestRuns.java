package org.initsweep.core;

import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;

/** Builders for runs used across tests. */
public final class TestRuns {

    private TestRuns() {
    }

    /** A run of the gaussian dataset, full batch, traced at epoch 0 only, no training. */
    public static RunSpec atInit(Activation phi, InitScheme scheme, double m, int depth, int width, long seed) {
        return new RunSpec("test", depth, width, phi, InitSpec.of(scheme), scheme.scaledByMultiplier() ? m : Double.NaN,
                0.0, DatasetKind.GAUSSIAN, seed, 512, 0, 0.1, 512, List.of(0), Precision.FLOAT32);
    }

    /** A general run. */
    public static RunSpec run(Activation phi, InitSpec init, double m, int depth, int width, DatasetKind ds,
            int samples, int epochs, double lr, int batch, List<Integer> record, Precision precision) {
        return new RunSpec("test", depth, width, phi, init, init.scheme().scaledByMultiplier() ? m : Double.NaN,
                0.0, ds, 7, samples, epochs, lr, batch, record, precision);
    }
}
