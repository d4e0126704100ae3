package org.initsweep.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.initsweep.core.data.DataDir;
import org.initsweep.core.data.FeatureTransform;
import org.initsweep.core.data.IdxReader;
import org.initsweep.core.data.Input;
import org.initsweep.core.data.LabeledData;
import org.initsweep.core.data.Mnist;
import org.initsweep.core.data.MnistStore;
import org.initsweep.core.data.PathOpener;
import org.initsweep.core.data.Preprocessing;
import org.initsweep.core.data.ReadResult;

/**
 * The {@code data} section: reading and preprocessing MNIST's training set (60,000 × 784, gzip IDX) on
 * one thread, against issue 15's target of 2 s. Uses the real files when {@code data fetch mnist} has
 * cached them, else a stand-in of the same size and format built from the shared 8,000-image subset
 * (its images repeated), so the row runs offline.
 */
final class DataBench {

    private DataBench() {
    }

    static void run(int reps, Path root) throws IOException {
        Path dir = DataDir.resolve(null).path().resolve(Mnist.NAME);
        MnistStore store = Mnist.store(DataDir.resolve(null).path());
        boolean real = store.status().stream().allMatch(s -> s.state() == MnistStore.State.VERIFIED);
        Path images;
        Path labels;
        Path tmp = null;
        if (real) {
            images = dir.resolve(Mnist.FILES.get(0).name());
            labels = dir.resolve(Mnist.FILES.get(1).name());
        } else {
            Path shared = shared(root);
            if (shared == null) {
                System.out.println("## Reading real data\n\nSkipped: MNIST is not in the data directory and no"
                        + " shared/datasets/ is above " + root.toAbsolutePath() + " to build a stand-in.\n");
                return;
            }
            tmp = Files.createTempDirectory("initsweep-databench");
            images = tmp.resolve("train-images-idx3-ubyte.gz");
            labels = tmp.resolve("train-labels-idx1-ubyte.gz");
            standIn(shared.resolve("mnist10k-train-images-idx3-ubyte.gz"), images, 16, 784);
            standIn(shared.resolve("mnist10k-train-labels-idx1-ubyte.gz"), labels, 8, 1);
        }
        try {
            Input in = Input.of("images", images.toString(), PathOpener.local());
            Input lab = Input.of("labels", labels.toString(), PathOpener.local());
            double[] read = new double[reps];
            double[] prep = new double[reps];
            LabeledData d = null;
            for (int warm = 0; warm < 2; warm++) {
                Preprocessing.STANDARDIZE.fit(IdxReader.read(in, lab).data());
            }
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                ReadResult result = IdxReader.read(in, lab);
                long t1 = System.nanoTime();
                FeatureTransform t = Preprocessing.STANDARDIZE.fit(result.data());
                d = t.apply(result.data());
                long t2 = System.nanoTime();
                read[r] = (t1 - t0) / 1e9;
                prep[r] = (t2 - t1) / 1e9;
            }
            double readS = median(read);
            double prepS = median(prep);
            System.out.println("## Reading real data");
            System.out.println();
            System.out.printf(Locale.ROOT, "MNIST training set, %s: %,d × %d, gzip IDX (%,d bytes), read (gunzip, SHA-256,"
                    + " bytes → float32) and standardized per feature (fit on it, applied), one thread; median of %d.%n%n",
                    real ? "the real files from the data directory" : "a stand-in of the same size (the shared 8,000-image"
                            + " subset repeated)", d.samples(), d.features(), Files.size(images), reps);
            System.out.println("| read | standardize | total | target |");
            System.out.println("|---:|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| %.3f s | %.3f s | %.3f s | < 2 s |%n%n", readS, prepS, readS + prepS);
        } finally {
            if (tmp != null) {
                try (var s = Files.list(tmp)) {
                    for (Path p : s.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(tmp);
            }
        }
    }

    /** The {@code shared/datasets} folder beside the project (or above a worktree of it), or null. */
    static Path shared(Path root) {
        for (Path p = root.toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("shared").resolve("datasets");
            if (Files.isRegularFile(d.resolve("mnist10k-train-images-idx3-ubyte.gz"))) {
                return d;
            }
        }
        return null;
    }

    /** The subset's items repeated to 60,000, with the header's count changed. */
    private static void standIn(Path subset, Path out, int header, int itemBytes) throws IOException {
        byte[] raw;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(subset))) {
            raw = in.readAllBytes();
        }
        int n = 60_000;
        int have = (raw.length - header) / itemBytes;
        ByteBuffer head = ByteBuffer.wrap(Arrays.copyOf(raw, header));
        head.putInt(4, n);
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out), 1 << 16)) {
            o.write(head.array());
            for (int written = 0; written < n; ) {
                int k = Math.min(have, n - written);
                o.write(raw, header, k * itemBytes);
                written += k;
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
