package org.initsweep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetLoader;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.data.LoadedDataset;
import org.initsweep.core.data.MemoryBudget;
import org.initsweep.core.data.PathOpener;
import org.initsweep.core.data.Preprocessing;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.optim.Sgd;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.Widths;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.train.RunDatasets;
import org.initsweep.core.train.Trainer;

/**
 * The {@code mnist} section (issue 15's benchmark row): one epoch of the MNIST subset (8,000 training
 * images, batch 128) through 784–256×5–10 tanh with the softmax head and SGD, one thread, against the
 * same network as a plain PyTorch {@code nn.Sequential} + {@code torch.optim.SGD} loop
 * ({@code benchmarks/torch/mnist_epoch.py}, run with {@code /usr/bin/python3} when {@code import torch}
 * works there), and against ND4J's single-thread sgemm rate.
 *
 * <p>An epoch is what {@link Trainer} does per epoch, on both sides: the mini-batch steps over the
 * training rows, then loss and accuracy over the training and test sets. initsweep's cost of an epoch
 * is {@code (t(E epochs) − t(0 epochs)) / E}, so initialization and data preparation are not counted;
 * PyTorch's is the median of timed epochs after one warm-up epoch. FLOPs: 6·N·Σ fan_in·fan_out for the
 * steps, 2·(N + N_test)·Σ fan_in·fan_out for the evaluation.
 */
final class MnistEpochBench {

    private static final int[] HIDDEN = {256, 256, 256, 256, 256};
    private static final int BATCH = 128;
    private static final int EPOCHS = 2;

    private MnistEpochBench() {
    }

    static void run(int reps, Path root, double sgemmGflops) throws IOException, InterruptedException {
        Path shared = DataBench.shared(root);
        System.out.println("## One MNIST epoch: initsweep vs PyTorch");
        System.out.println();
        if (shared == null) {
            System.out.println("Skipped: no shared/datasets/ above " + root.toAbsolutePath() + " (the MNIST subset).\n");
            return;
        }
        String[] files = {"mnist10k-train-images-idx3-ubyte.gz", "mnist10k-train-labels-idx1-ubyte.gz",
            "mnist10k-test-images-idx3-ubyte.gz", "mnist10k-test-labels-idx1-ubyte.gz"};
        DatasetSource source = new DatasetSource.IdxFiles("mnist-subset", shared.resolve(files[0]).toString(),
                shared.resolve(files[1]).toString(), shared.resolve(files[2]).toString(), shared.resolve(files[3]).toString());
        LoadedDataset loaded = DatasetLoader.of(PathOpener.local(), root.resolve("unused"), null)
                .load(source, MemoryBudget.UNLIMITED);
        RunDatasets data = new RunDatasets(Map.of(source.name(), loaded));
        int n = loaded.train().samples();
        int nTest = loaded.test().samples();

        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        RunResult last = null;
        for (int warm = 0; warm < 2; warm++) {
            Trainer.train(run(source, 0), Outputs.NONE, data, net -> { });
            last = Trainer.train(run(source, EPOCHS), Outputs.NONE, data, net -> { });
        }
        double[] perEpoch = new double[reps];
        for (int r = 0; r < reps; r++) {
            long c0 = tmx.getCurrentThreadCpuTime();
            Trainer.train(run(source, 0), Outputs.NONE, data, net -> { });
            long c1 = tmx.getCurrentThreadCpuTime();
            last = Trainer.train(run(source, EPOCHS), Outputs.NONE, data, net -> { });
            long c2 = tmx.getCurrentThreadCpuTime();
            perEpoch[r] = ((c2 - c1) - (c1 - c0)) / 1e9 / EPOCHS;
        }
        Arrays.sort(perEpoch);
        double ours = perEpoch[reps / 2];

        double macs = 784.0 * HIDDEN[0] + 10.0 * HIDDEN[HIDDEN.length - 1];
        for (int l = 1; l < HIDDEN.length; l++) {
            macs += (double) HIDDEN[l - 1] * HIDDEN[l];
        }
        double flops = 6.0 * n * macs + 2.0 * (n + nTest) * macs;

        Torch torch = torch(root, shared, files, n, reps);
        System.out.printf(Locale.ROOT, "MNIST subset (%,d training, %,d test images, standardized), 784–256×5–10 tanh, "
                + "softmax cross-entropy, SGD lr 0.01, batch %d, float32, one thread; an epoch = the steps, then loss "
                + "and accuracy over the training and test sets. Seconds of the benchmark thread's CPU time per epoch "
                + "(PyTorch: its process's CPU time), median of %d. Roofline: %.1f GFLOP/s (ND4J sgemm 2048³, one "
                + "thread).%n%n", n, nTest, BATCH, reps, sgemmGflops);
        System.out.println("| engine | s / epoch | GFLOP/s | % of sgemm | test accuracy after the epochs | initsweep ÷ engine |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| initsweep | %.3f | %.1f | %.0f%% | %.3f (after %d) | 1.00× |%n", ours,
                flops / ours / 1e9, 100 * flops / ours / 1e9 / sgemmGflops, last.finalTestAccuracy(), EPOCHS);
        if (torch != null) {
            System.out.printf(Locale.ROOT, "| PyTorch %s, `torch.set_num_threads(1)` | %.3f | %.1f | %.0f%% | %.3f (after %d) | **%.2f×** |%n",
                    torch.version, torch.cpuSeconds, flops / torch.cpuSeconds / 1e9,
                    100 * flops / torch.cpuSeconds / 1e9 / sgemmGflops, torch.accuracy, reps + 1, torch.cpuSeconds / ours);
        } else {
            System.out.println("| PyTorch | not run: `/usr/bin/python3 -c 'import torch'` fails (Debian: `apt-get install "
                    + "python3-torch libopenblas0-pthread`) | | | | |");
        }
        System.out.println();
    }

    private static RunSpec run(DatasetSource source, int epochs) {
        return new RunSpec("bench", HIDDEN.length, Widths.profile(HIDDEN), Activation.TANH,
                InitSpec.of(InitScheme.LECUN_NORMAL), 1.0, 0.0, source, 1, 0, epochs, 0.01, BATCH, List.of(),
                Precision.FLOAT32, new Sgd(), null, Preprocessing.STANDARDIZE);
    }

    private record Torch(String version, double cpuSeconds, double accuracy) {
    }

    /** The PyTorch row, or null when torch is not importable by /usr/bin/python3. */
    private static Torch torch(Path root, Path shared, String[] files, int n, int reps)
            throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        Path script = root.resolve("benchmarks/torch/mnist_epoch.py");
        if (!Files.isExecutable(python) || !Files.isRegularFile(script)) {
            return null;
        }
        List<String> version = exec(List.of(python.toString(), "-c", "import torch; print(torch.__version__)"));
        if (version == null) {
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString()));
        for (String f : files) {
            cmd.add(shared.resolve(f).toString());
        }
        cmd.addAll(List.of(Integer.toString(n), Integer.toString(BATCH), Integer.toString(reps)));
        List<String> out = exec(cmd);
        if (out == null || out.isEmpty()) {
            throw new IllegalStateException("benchmarks/torch/mnist_epoch.py failed");
        }
        String[] f = out.get(out.size() - 1).trim().split(" ");
        return new Torch(version.get(0).trim(), Double.parseDouble(f[0]), Double.parseDouble(f[2]));
    }

    private static List<String> exec(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            return null;
        }
        return lines;
    }
}
