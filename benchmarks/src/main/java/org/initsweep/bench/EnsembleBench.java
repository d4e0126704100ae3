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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.nn.LaneNetwork;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.train.RunBatches;
import org.initsweep.core.train.RunDatasets;
import org.initsweep.core.train.Trainer;

/**
 * The {@code ensemble} section (issue 19's table): many small trainings — tanh MLP, input 2 (moons),
 * depth 9, full-batch SGD on 256 examples for 200 epochs, one thread — by initsweep
 * ({@code Trainer.train}, one run after another, traces at epoch 0 as a Spark task records them) against
 * PyTorch written two ways ({@code benchmarks/torch/ensemble.py}): a loop of {@code nn.Sequential} +
 * {@code optim.SGD} runs, and 96 runs batched into {@code [R, fan_in, fan_out]} tensors trained with
 * {@code baddbmm} and one autograd graph. Runs per second of CPU time; a run includes its
 * initialization. Issue 19's targets: ≥ 10× the loop and ≥ 3× the ensemble.
 */
final class EnsembleBench {

    static final int DEPTH = 9;
    static final int EPOCHS = 200;
    static final int BATCH = 256;
    static final int ENSEMBLE = 96;
    private static final double LR = 0.1;

    private EnsembleBench() {
    }

    /**
     * @param sgemmGflops this machine's single-thread sgemm rate (the roofline), GFLOP/s
     */
    static void run(int[] widths, int reps, Path root, double sgemmGflops) throws IOException, InterruptedException {
        System.out.println("## Many small runs: initsweep vs a PyTorch loop and a batched PyTorch ensemble");
        System.out.println();
        System.out.printf(Locale.ROOT, "tanh MLP, input 2 (moons), depth %d, full-batch SGD (lr %.1f) on %d examples, %d "
                + "epochs, binary cross-entropy, float32, one thread. Runs per second of CPU time, median of %d; a run "
                + "includes its initialization. PyTorch ensemble: %d runs per `baddbmm` graph. GFLOP/s count "
                + "6·batch·fan_in·fan_out per layer per epoch (forward, dW, dA), against ND4J's single-thread sgemm "
                + "2048³ (%.1f GFLOP/s); \"10× loop needs\" is the share of sgemm a run must reach for ten times the "
                + "PyTorch loop.%n%n", DEPTH, LR, BATCH, EPOCHS, reps, ENSEMBLE, sgemmGflops);
        Map<Integer, double[]> torch = torch(widths, reps, root);
        System.out.println("| width | PyTorch loop | PyTorch ensemble | initsweep, runs alone | initsweep, runs in lanes "
                + "| ÷ loop (target ≥ 10×) | ÷ ensemble (target ≥ 3×) | µs per run·layer·epoch "
                + "| GFLOP/s in lanes | % of sgemm | 10× loop needs |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int width : widths) {
            System.err.println("[bench] ensemble section: initsweep at width " + width + "...");
            double alone = initsweep(width, reps, false);
            double ours = initsweep(width, reps, true);
            double[] t = torch.get(width);
            String loop = t == null ? "–" : fmt(t[0]);
            String ens = t == null ? "–" : fmt(t[1]);
            double gflopPerRun = flopsPerRun(width) / 1e9;
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %.2f | %.1f | %.0f%% | %s |%n", width,
                    loop, ens, fmt(alone), fmt(ours),
                    t == null ? "–" : String.format(Locale.ROOT, "%.1f×", ours / t[0]),
                    t == null ? "–" : String.format(Locale.ROOT, "%.2f×", ours / t[1]),
                    1e6 / ours / (DEPTH + 1) / EPOCHS, ours * gflopPerRun, 100 * ours * gflopPerRun / sgemmGflops,
                    t == null ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * 10 * t[0] * gflopPerRun / sgemmGflops));
        }
        if (torch.isEmpty()) {
            System.out.println();
            System.out.println("PyTorch not run: `/usr/bin/python3 -c 'import torch'` fails (Debian: `apt-get install "
                    + "python3-torch libopenblas0-pthread`).");
        }
        System.out.println();
    }

    /** Training FLOPs of one run: 6·batch·fan_in·fan_out per layer per epoch (input 2, one output unit). */
    static double flopsPerRun(int width) {
        double perRow = 2.0 * width + (DEPTH - 1) * (double) width * width + width;
        return 6.0 * BATCH * perRow * EPOCHS;
    }

    private static String fmt(double runsPerSecond) {
        return String.format(Locale.ROOT, runsPerSecond >= 100 ? "%.0f" : "%.1f", runsPerSecond);
    }

    private static RunSpec spec(int width, long seed) {
        return new RunSpec("bench", DEPTH, width, Activation.TANH, InitSpec.of(InitScheme.SCALED_NORMAL), 1.0, 0.0,
                DatasetKind.MOONS, seed, BATCH, EPOCHS, LR, BATCH, List.of(0), Precision.FLOAT32);
    }

    /**
     * Median runs per CPU second of the benchmark thread, repetitions of about a second after warm-up. A call
     * trains a group of runs of seeds in a row (as many as a vector has lanes), as a Spark task does:
     * through {@link RunBatches} ({@code lanes}), or {@code Trainer.train} one run after another.
     */
    private static double initsweep(int width, int reps, boolean lanes) {
        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        int group = Math.max(1, LaneNetwork.available() ? LaneNetwork.lanes() : 1);
        long[] seed = {1};
        Runnable call = () -> {
            List<RunSpec> runs = new ArrayList<>();
            for (int i = 0; i < group; i++) {
                runs.add(spec(width, seed[0]++));
            }
            if (lanes) {
                for (List<RunSpec> batch : RunBatches.plan(runs, RunDatasets.GENERATED)) {
                    RunBatches.train(batch, Outputs.NONE, RunDatasets.GENERATED);
                }
            } else {
                runs.forEach(Trainer::train);
            }
        };
        long t0 = tmx.getCurrentThreadCpuTime();
        int warm = 0;
        while (warm < 3 || tmx.getCurrentThreadCpuTime() - t0 < 1_000_000_000L) {
            call.run();
            warm++;
        }
        double perCall = (tmx.getCurrentThreadCpuTime() - t0) / 1e9 / warm;
        int calls = (int) Math.max(1, Math.round(1.0 / perCall));
        double[] rates = new double[reps];
        for (int r = 0; r < reps; r++) {
            long c = tmx.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            rates[r] = (double) calls * group / ((tmx.getCurrentThreadCpuTime() - c) / 1e9);
        }
        Arrays.sort(rates);
        return rates[reps / 2];
    }

    /** width → {loop, ensemble} runs/s, or empty when torch is not importable by /usr/bin/python3. */
    private static Map<Integer, double[]> torch(int[] widths, int reps, Path root) throws IOException, InterruptedException {
        Map<Integer, double[]> out = new HashMap<>();
        Path python = Path.of("/usr/bin/python3");
        Path script = root.resolve("benchmarks/torch/ensemble.py");
        if (!Files.isExecutable(python) || !Files.isRegularFile(script)) {
            return out;
        }
        System.err.println("[bench] ensemble section: PyTorch loop and ensemble...");
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(),
                String.join(",", Arrays.stream(widths).mapToObj(Integer::toString).toList()), Integer.toString(DEPTH),
                Integer.toString(EPOCHS), Integer.toString(BATCH), Integer.toString(ENSEMBLE),
                Integer.toString(Math.min(reps, 3))));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.trim().split(" ");
                if (f.length == 3) {
                    out.put(Integer.parseInt(f[0]), new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
            out.clear(); // torch missing (import fails) or the script failed
        }
        return out;
    }
}
