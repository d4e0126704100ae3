package org.initsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initsweep.core.TestRuns;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.nn.Architecture;
import org.initsweep.core.nn.Network;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.trace.RunStatus;
import org.junit.jupiter.api.Test;

/** {@link NetCache}: reused networks give the bits of fresh ones, whatever ran before on the thread. */
class NetCacheTest {

    private static RunSpec run(Activation phi, InitScheme scheme, double m, int width, long seed) {
        return new RunSpec("cache", 5, width, phi, InitSpec.of(scheme), m, 0.0, DatasetKind.MOONS, seed, 128, 6,
                0.2, 128, List.of(0, 3, 6), Precision.FLOAT32);
    }

    private static Architecture arch(int depth, int width) {
        return Architecture.constant(2, depth, width, Activation.TANH, OutputHead.forClasses(2));
    }

    @Test
    void aRunAfterADivergedRunOfTheSameShapeGivesTheSameBits() {
        for (Activation phi : List.of(Activation.TANH, Activation.RELU, Activation.LINEAR)) {
            RunSpec first = run(phi, InitScheme.SCALED_NORMAL, 1.0, 48, 3);
            // ReLU and linear overflow at once; tanh saturates (±1), a different run all the same
            RunSpec diverging = run(phi, InitScheme.SCALED_NORMAL, 1e30, 48, 4);
            RunSpec otherShape = run(phi, InitScheme.SCALED_NORMAL, 1.0, 20, 3);
            Trainer.train(otherShape); // first of the shape: a new network
            RunResult fresh = Trainer.train(first);
            RunResult bad = Trainer.train(diverging);
            assertEquals(phi == Activation.TANH ? RunStatus.OK : RunStatus.DIVERGED, bad.status(), phi.label());
            RunResult again = Trainer.train(first); // same network, NaN/Inf left in every buffer
            assertEquals(fresh.layers(), again.layers(), phi.label());
            assertEquals(fresh.epochs(), again.epochs(), phi.label());
        }
    }

    @Test
    void sameShapeReusesTheNetworkAndAnotherShapeDoesNot() {
        Network[] seen = new Network[3];
        Trainer.train(run(Activation.TANH, InitScheme.HE_NORMAL, 1.0, 32, 1), Outputs.NONE, net -> seen[0] = net);
        Trainer.train(run(Activation.TANH, InitScheme.LECUN_NORMAL, 3.0, 32, 2), Outputs.NONE, net -> seen[1] = net);
        Trainer.train(run(Activation.RELU, InitScheme.HE_NORMAL, 1.0, 32, 1), Outputs.NONE, net -> seen[2] = net);
        assertSame(seen[0], seen[1], "seed, init and multiplier do not change the shape");
        assertNotSame(seen[1], seen[2], "another activation is another network");
    }

    @Test
    void theDefaultSweepsLargestNetworkIsKept() {
        // conf/default.json: depth 50, width 128, 256 samples in one batch
        long bytes = NetCache.estimatedBytes(arch(50, 128), false, 256);
        // 4·(2·128 + 49·128² + 128) weights + 7·256·(50·128 + 1) activations, 4 bytes each: 58.7 MB
        assertEquals(4L * (4 * (2 * 128 + 49 * 128 * 128 + 128) + 7L * 256 * (50 * 128 + 1)), bytes);
        NetCache.Entry a = NetCache.acquire(arch(50, 128), false, 256);
        NetCache.Entry b = NetCache.acquire(arch(50, 128), false, 256);
        assertSame(a.net(), b.net());
        assertSame(a.pass(), b.pass());
    }

    @Test
    void largeNetworksAreNotKept() {
        // depth 5 × width 1024 at batch 512: 16 MiB of parameters ×4 + 10 MiB of activations ×7 > 64 MiB
        long bytes = NetCache.estimatedBytes(arch(5, 1024), false, 512);
        assertTrue(bytes > NetCache.MAX_BYTES, "estimate " + bytes);
        NetCache.Entry a = NetCache.acquire(arch(5, 1024), false, 512);
        NetCache.Entry b = NetCache.acquire(arch(5, 1024), false, 512);
        assertNotSame(a.net(), b.net());
        // the estimate: 4·(2·1024 + 4·1024² + 1024) + 7·512·(5·1024 + 1) floats
        assertEquals(4L * (4 * (2 * 1024 + 4L * 1024 * 1024 + 1024) + 7L * 512 * (5 * 1024 + 1)), bytes);
    }
}
