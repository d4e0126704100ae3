package org.initsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.initsweep.core.activation.Activation;
import org.junit.jupiter.api.Test;

/** {@link Network.Pass#toDoubles(Network.Buffer, int, double[])}: the copy into a reused array. */
class PassToDoublesTest {

    @Test
    void fillsALongEnoughArrayAndAllocatesForAShortOne() {
        // 3 rows; layers of 5 and 2 units: buffers of 15 and 6 entries
        Network net = TestNets.randomize(Networks.create(Architecture.of(2, new int[] {5}, Activation.TANH,
                org.initsweep.core.head.OutputHead.forClasses(3)), false, Kernel.AUTO), 3, 1.0, 0.1);
        Network.Pass p = net.newPass(3);
        TestNets.feed(p, TestNets.gaussian(6, 2), TestNets.labels(3, 3));
        net.forward(p);
        double[] a1 = p.toDoubles(Network.Buffer.A, 1);
        double[] z2 = p.toDoubles(Network.Buffer.Z, 2);
        assertEquals(15, a1.length);

        double[] big = new double[20];
        Arrays.fill(big, -7.0);
        assertSame(big, p.toDoubles(Network.Buffer.Z, 2, big));
        assertArrayEquals(z2, Arrays.copyOf(big, z2.length));
        assertEquals(-7.0, big[z2.length], 0.0, "entries past the buffer stay as they were");

        double[] small = new double[14];
        double[] got = p.toDoubles(Network.Buffer.A, 1, small);
        assertNotSame(small, got);
        assertArrayEquals(a1, got);
        assertArrayEquals(a1, p.toDoubles(Network.Buffer.A, 1, null));
    }
}
