package org.initsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.Analysis;
import org.initsweep.analysis.report.HtmlReport;
import org.initsweep.core.regime.SignalGrowth;
import org.initsweep.spark.SweepJob;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's learning curves: per m, the judged accuracy after each epoch averaged over the seeds of the
 * group's deepest trained depth (the deepest if none trained), from {@code epochs/}: the same numbers as a hand
 * average of the runs' rows (sorted, summed, divided by the seeds), for every m and epoch.
 */
class LearningCurvesTest {

    @Test
    void eachSeriesIsTheSeedsMeanTestAccuracyPerEpoch(@TempDir Path tmp) throws Exception {
        String out = tmp.resolve("lc").toString();
        SparkSession spark = TestSpark.session("local[2]");
        try {
            SweepJob.run(spark, TestSpark.spec("""
                    {"name": "lc", "depths": [2, 3], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"],
                     "multipliers": [1, 2], "seeds": [1, 2, 3], "datasets": ["moons"], "samples": 64, "epochs": 3,
                     "test_fraction": 0.25, "learning_rate": 0.5}"""), out, SweepJob.Options.defaults());
            Analysis.run(spark, out, SignalGrowth.DEFAULT_DECADES, true);
            String html = Files.readString(Path.of(out, HtmlReport.DIR, HtmlReport.FILE));
            int start = html.indexOf('>', html.indexOf("id=\"report-data\"")) + 1;
            JsonNode data = new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start)));
            JsonNode groups = data.path("trainability").path("groups");
            assertEquals(1, groups.size(), data.path("trainability").toString());
            JsonNode learning = groups.get(0).path("learning");
            int depth = learning.path("depth").asInt();
            JsonNode series = learning.path("series");
            assertEquals(2, series.size(), "m = 1 and m = 2: " + learning);
            for (JsonNode s : series) {
                double m = s.path("m").asDouble();
                JsonNode accuracy = s.path("accuracy");
                assertEquals(4, accuracy.size(), "epochs 0 to 3: " + s);
                for (int epoch = 0; epoch <= 3; epoch++) {
                    List<Double> seeds = new ArrayList<>();
                    for (Row r : spark.sql("SELECT e.test_accuracy FROM epochs e JOIN runs r USING (run_id)"
                            + " WHERE r.depth = " + depth + " AND r.multiplier = " + m + " AND e.epoch = " + epoch)
                            .collectAsList()) {
                        seeds.add(r.getDouble(0));
                    }
                    assertEquals(3, seeds.size(), "three seeds at depth " + depth + ", m = " + m);
                    seeds.sort(null);
                    double sum = 0;
                    for (double v : seeds) {
                        sum += v;
                    }
                    assertEquals(sum / 3, accuracy.get(epoch).asDouble(), 0.0, "m = " + m + ", epoch " + epoch);
                }
            }
        } finally {
            spark.stop();
        }
    }
}
