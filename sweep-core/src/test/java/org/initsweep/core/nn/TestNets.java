package org.initsweep.core.nn;

import java.util.SplittableRandom;

/** Test fixture: networks with reproducible, non-symmetric parameters. */
final class TestNets {

    private TestNets() {
    }

    /**
     * Sets every weight to {@code (u − 1/2)·gain/√fan_in} and every bias to {@code (u − 1/2)·biasScale},
     * u uniform on [0, 1) from {@code seed} (so Var(W) = gain²/(12·fan_in)).
     */
    static Mlp randomize(Mlp net, long seed, double gain, double biasScale) {
        SplittableRandom rng = new SplittableRandom(seed);
        net.initialize((l, fanIn, fanOut, w, b) -> {
            for (int i = 0; i < fanIn * fanOut; i++) {
                w[i] = (float) ((rng.nextDouble() - 0.5) * gain / Math.sqrt(fanIn));
            }
            for (int j = 0; j < fanOut; j++) {
                b[j] = (float) (biasScale * (rng.nextDouble() - 0.5));
            }
        });
        return net;
    }
}
