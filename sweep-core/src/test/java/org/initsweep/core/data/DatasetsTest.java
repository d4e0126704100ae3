package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Generated datasets: shapes, normalization, labels, determinism. */
class DatasetsTest {

    @ParameterizedTest
    @EnumSource(DatasetKind.class)
    void normalizedLabelledAndDeterministic(DatasetKind kind) {
        Dataset d = Datasets.generate(kind, 400, 12, 5);
        assertEquals(kind == DatasetKind.GAUSSIAN ? 12 : 2, d.dim());
        for (int j = 0; j < d.dim(); j++) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < d.samples(); i++) {
                double v = d.x()[i * d.dim() + j];
                sum += v;
                sq += v * v;
            }
            assertEquals(0, sum / d.samples(), 1e-5, "feature " + j + " mean");
            assertEquals(1, sq / d.samples(), 1e-4, "feature " + j + " variance");
        }
        double ones = 0;
        for (float y : d.y()) {
            assertEquals(true, y == 0f || y == 1f);
            ones += y;
        }
        assertEquals(0.5, ones / d.samples(), kind == DatasetKind.GAUSSIAN ? 0.1 : 1e-9, "balanced labels");
        assertEquals(1.0, d.inputVariance(), 1e-4);
        Dataset again = Datasets.generate(kind, 400, 12, 5);
        assertArrayEquals(d.x(), again.x());
        assertArrayEquals(d.y(), again.y());
        assertFalse(Arrays.equals(d.x(), Datasets.generate(kind, 400, 12, 6).x()), "seed changes the data");
    }
}
