package org.initsweep.cli;

import static org.initsweep.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision-boundary charts of the user's own 2-D data. */
class BoundaryChartsTest {

    /** Two blobs of 20 examples each, labels -1 and 1, far apart along x1. */
    private static Path blobs(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 40; i++) {
            int side = i % 2 == 0 ? -1 : 1;
            csv.append(3 * side + (i % 7) * 0.1).append(',').append((i % 5) * 0.3).append(',').append(side).append('\n');
        }
        return Files.writeString(dir.resolve("blobs.csv"), csv);
    }

    private static List<String> boundaryCharts(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve("charts"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("boundary_")).sorted().toList();
        }
    }

    @Test
    void aFileDatasetsBoundaryIsDrawnWithItsPoints(@TempDir Path tmp) throws Exception {
        Path data = blobs(tmp);
        Path spec = Files.writeString(tmp.resolve("spec.json"), """
                {"name": "own", "depths": [2], "widths": [4], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "datasets": [{"name": "twoblobs", "format": "csv", "path": "%s"}], "epochs": 5, "test_fraction": 0.25,
                 "boundaries": true}""".formatted(data));
        Path out = tmp.resolve("out");
        CliTest.Result r = cli("run", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("boundary_tanh_lecun_normal_m1_w4_d2_twoblobs_s0.png"), boundaryCharts(out));
        // without its points where the file is gone: RunChartsTrainingPointsTest
    }
}
