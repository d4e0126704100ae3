package org.initsweep.cli;

import static org.initsweep.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision boundaries and class regions of the user's own 2-D data: the charts, the rows, the report. */
class BoundaryChartsTest {

    /** Blobs of 20 examples each around the corners of a regular polygon, labelled {@code labels} in turn. */
    private static Path blobs(Path file, int... labels) throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 20 * labels.length; i++) {
            int k = i % labels.length;
            double angle = 2 * Math.PI * k / labels.length;
            csv.append(3 * Math.cos(angle) + (i % 7) * 0.1).append(',').append(3 * Math.sin(angle) + (i % 5) * 0.1)
                    .append(',').append(labels[k]).append('\n');
        }
        return Files.writeString(file, csv);
    }

    private static List<String> boundaryCharts(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve("charts"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("boundary_")).sorted().toList();
        }
    }

    @Test
    void twoAndThreeClassFileDatasetsAreDrawnWithTheirPoints(@TempDir Path tmp) throws Exception {
        Path two = blobs(tmp.resolve("two.csv"), -1, 1);
        Path three = blobs(tmp.resolve("three.csv"), 5, 7, 9);
        Path spec = Files.writeString(tmp.resolve("spec.json"), """
                {"name": "own", "depths": [2], "widths": [4], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "datasets": [{"name": "twoblobs", "format": "csv", "path": "%s"},
                              {"name": "threeblobs", "format": "csv", "path": "%s"}],
                 "epochs": 5, "test_fraction": 0.25, "boundaries": true}""".formatted(two, three));
        Path out = tmp.resolve("out");
        CliTest.Result r = cli("run", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("boundaries:"), "no dataset said to record none: " + r.err());
        assertEquals(List.of("boundary_tanh_lecun_normal_m1_w4_d2_threeblobs_s0.png",
                "boundary_tanh_lecun_normal_m1_w4_d2_twoblobs_s0.png"), boundaryCharts(out));
        // without its points where the file is gone: RunChartsTrainingPointsTest

        // per point: the argmax class, and its probability; for two classes the side of p = 1/2 and max(p, 1 − p)
        CliTest.Result rows = cli("sql", out.toString(), "SELECT r.dataset, count(*), count(DISTINCT b.predicted_class),"
                + " sum(CASE WHEN r.classes = 2 AND (b.predicted_class = 1) = (b.p > 0.5)"
                + " AND abs(b.confidence - greatest(b.p, 1 - b.p)) < 1e-7 THEN 1 ELSE 0 END),"
                + " min(b.confidence) >= 1.0 / r.classes - 1e-7 AND max(b.confidence) <= 1 + 1e-7"
                + " FROM boundaries b JOIN runs r ON b.run_id = r.run_id GROUP BY r.dataset, r.classes ORDER BY 1",
                "--csv");
        assertEquals(0, rows.code(), rows.err());
        List<String> lines = rows.out().lines().toList();
        assertEquals("threeblobs,3600,3,0,true", lines.get(1), rows.out());
        assertEquals("twoblobs,3600,2,3600,true", lines.get(2), rows.out());

        String report = Files.readString(out.resolve("report/index.html"));
        assertTrue(report.contains("\"classes\":3") && report.contains("\"cls\":["),
                "the report's class regions of threeblobs");
    }
}
