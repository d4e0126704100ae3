package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.initsweep.core.data.Mnist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on real data from the command line, as a user runs them: the shipped digits offline, a CSV of
 * one's own, MNIST by name from a data directory (the shared subset placed by hand under MNIST's names);
 * test accuracy per epoch read back with {@code sql}; a resume over changed dataset bytes refused.
 */
class RealDataCliTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty(Mnist.CHECKSUMS_PROPERTY);
    }

    private Path spec(String name, String datasets, String extra) throws Exception {
        Path spec = tmp.resolve(name + ".json");
        Files.writeString(spec, """
                {"name": "%s", "depths": [2], "widths": [16], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "datasets": [%s], "epochs": 3, "optimizers": ["adam"], "learning_rate": 0.01 %s}
                """.formatted(name, datasets, extra));
        return spec;
    }

    @Test
    void digitsTrainOfflineAndReportTestAccuracyPerEpoch() throws Exception {
        Path out = tmp.resolve("digits");
        CliTest.Result r = CliTest.cli("run", spec("digits", "\"digits\"", ", \"batch_size\": 64").toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        CliTest.Result q = CliTest.cli("sql", out.toString(), "--csv",
                "SELECT r.classes, r.test_samples, r.samples = r.train_samples AS whole_split, r.test_fraction, e.epoch,"
                        + " e.test_accuracy > 0.5 AS learned FROM epochs e JOIN runs r ON e.run_id = r.run_id ORDER BY epoch");
        assertEquals(0, q.code(), q.err());
        List<String> rows = q.out().strip().lines().toList();
        assertEquals("classes,test_samples,whole_split,test_fraction,epoch,learned", rows.get(0));
        assertEquals(5, rows.size(), rows.toString());
        // neither samples nor test_fraction in the spec: runs/ holds what they came to, the whole training
        // split and the default share, 0.2 of 1,797 digits (359 held out)
        assertTrue(rows.get(1).startsWith("10,359,true,0.2,0,"), rows.get(1));
        assertTrue(rows.get(4).endsWith(",3,true"), "after 3 epochs of Adam the digits are mostly right: " + rows);
    }

    @Test
    void aCsvOfOnesOwnWithAHeaderAndALabelColumn() throws Exception {
        Path csv = tmp.resolve("blobs.csv");
        StringBuilder sb = new StringBuilder("x1,x2,x3,species\n");
        SplittableRandom r = new SplittableRandom(4);
        String[] names = {"7", "11", "42"};
        for (int i = 0; i < 300; i++) {
            int c = i % 3;
            sb.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f,%s%n", 3 * c + r.nextGaussian(),
                    -2 * c + r.nextGaussian(), r.nextGaussian(), names[c]));
        }
        Files.writeString(csv, sb.toString());
        String source = "{\"name\": \"clusters\", \"format\": \"csv\", \"path\": \"" + csv + "\", \"label\": \"species\"}";
        Path spec = spec("blobs", source, ", \"test_fraction\": 0.25, \"batch_size\": 25");
        Path out = tmp.resolve("blobs-out");
        CliTest.Result run = CliTest.cli("run", spec.toString(), "--out", out.toString(), "--no-analyze");
        assertEquals(0, run.code(), run.err());
        CliTest.Result q = CliTest.cli("sql", out.toString(), "--csv",
                "SELECT classes, input_dim, samples, train_samples, test_samples, test_fraction, dataset, dataset_sha256 FROM runs");
        assertEquals(0, q.code(), q.err());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv)));
        List<String> rows = q.out().strip().lines().toList();
        // 100 per class, a quarter held out: 75 + 25 per class
        assertTrue(rows.get(1).startsWith("3,3,225,225,75,0.25,clusters,"), rows.get(1));
        String datasetDigest = rows.get(1).substring(rows.get(1).lastIndexOf(',') + 1);
        assertEquals(64, datasetDigest.length());
        assertTrue(!datasetDigest.equals(sha), "a digest of the files' digests, not of the one file");

        // the data change under a half-finished sweep: its runs are refused, not mixed
        Files.delete(out.resolve("engine.json"));
        Files.writeString(csv, sb.toString().replace("42\n", "7\n").replaceFirst("7\n", "11\n"));
        CliTest.Result again = CliTest.cli("run", spec.toString(), "--out", out.toString(), "--no-analyze");
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().contains("holds runs of dataset clusters computed on other bytes"), again.err());
    }

    @Test
    void aSplitThatWouldLeaveNoTestExampleIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path csv = Files.writeString(tmp.resolve("four.csv"), "f1,f2,label\n0.1,0.2,0\n0.3,0.1,1\n0.5,0.9,0\n0.2,0.4,1\n");
        String source = "{\"name\": \"four\", \"format\": \"csv\", \"path\": \"" + csv + "\"}";
        Path out = tmp.resolve("four-out");
        CliTest.Result r = CliTest.cli("run", spec("four", source, "").toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        // 2 examples a class: round(0.2 · 2) = 0 held out of each
        assertEquals("initsweep: test_fraction: 0.2 (the default) of dataset four's 4 examples leaves no test example"
                + " (its smallest class has 2; a class gives round(test_fraction · its size) and keeps one): raise"
                + " test_fraction or give more examples", r.err().strip());
        assertTrue(!Files.exists(out), "nothing written");

        Path forty = tmp.resolve("forty.csv");
        StringBuilder rows = new StringBuilder("f1,label\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i).append(',').append(i % 2).append('\n');
        }
        Files.writeString(forty, rows.toString());
        CliTest.Result most = CliTest.cli("run", spec("most", "{\"name\": \"forty\", \"format\": \"csv\", \"path\": \""
                + forty + "\"}", ", \"test_fraction\": 0.99").toString(), "--out", tmp.resolve("most").toString(),
                "--no-analyze");
        assertEquals(0, most.code(), "0.99 of 20 a class holds out 19 and trains on 1: a run, not a crash: " + most.err());
    }

    /**
     * Places the shared MNIST subset under MNIST's names in {@code dataDir/mnist} and points
     * {@link Mnist#CHECKSUMS_PROPERTY} at their checksums (the published ones are the full files').
     */
    static void placeMnist(Path dataDir, Path scratch) throws Exception {
        Path mnist = Files.createDirectories(dataDir.resolve("mnist"));
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, String> e : Map.of("train-images-idx3-ubyte.gz", "mnist10k-train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz", "mnist10k-train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "mnist10k-test-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz", "mnist10k-test-labels-idx1-ubyte.gz").entrySet()) {
            byte[] bytes = Files.readAllBytes(DataCommandTest.shared(e.getValue()));
            Files.write(mnist.resolve(e.getKey()), bytes);
            sums.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).append("  ")
                    .append(e.getKey()).append('\n');
        }
        Path checksums = Files.writeString(scratch.resolve("sums"), sums.toString(), StandardCharsets.UTF_8);
        System.setProperty(Mnist.CHECKSUMS_PROPERTY, checksums.toString());
    }

    @Test
    void mnistByNameFromADataDirectory() throws Exception {
        Path dir = tmp.resolve("data");
        placeMnist(dir, tmp);
        Path out = tmp.resolve("mnist-out");
        CliTest.Result run = CliTest.cli("run", spec("mnist", "{\"name\": \"mnist\"}",
                ", \"samples\": 1000, \"batch_size\": 100").toString(), "--out", out.toString(),
                "--data-dir", dir.toString(), "--no-analyze");
        assertEquals(0, run.code(), run.err());
        CliTest.Result q = CliTest.cli("sql", out.toString(), "--csv",
                "SELECT classes, input_dim, samples, train_samples, test_samples, test_fraction IS NULL,"
                        + " final_test_accuracy > 0.5 FROM runs");
        assertEquals(0, q.code(), q.err());
        assertEquals("10,784,1000,1000,2000,true,true", q.out().strip().lines().toList().get(1),
                "MNIST brings its own test split: nothing held out, test_fraction null");

        CliTest.Result missing = CliTest.cli("run", spec("mnist2", "\"mnist\"", "").toString(), "--out",
                tmp.resolve("x").toString(), "--data-dir", tmp.resolve("empty").toString());
        assertEquals(2, missing.code(), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("initsweep: datasets[0] (mnist): ")
                && missing.err().contains("train-images-idx3-ubyte.gz"), missing.err());
        assertTrue(!Files.exists(tmp.resolve("x")), "nothing written");
    }
}
