package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.initsweep.core.UserInputException;
import org.initsweep.core.data.DataFile;
import org.initsweep.core.data.LabeledData;
import org.initsweep.core.data.LoadedDataset;
import org.junit.jupiter.api.Test;

/** The training points a boundary chart draws: the run's own, for generated and for real datasets. */
class RunChartsTrainingPointsTest {

    private static final StructType RUN = new StructType()
            .add("dataset", DataTypes.StringType).add("samples", DataTypes.IntegerType)
            .add("seed", DataTypes.LongType).add("test_fraction", DataTypes.DoubleType)
            .add("preprocessing", DataTypes.StringType).add("input_dim", DataTypes.IntegerType)
            .add("dataset_sha256", DataTypes.StringType);

    /** 30 examples of 2 features, classes 0, 1, 2 in turn (10 each), labels 5, 7, 9 in the file. */
    private static LoadedDataset mine() {
        float[] x = new float[60];
        int[] y = new int[30];
        for (int i = 0; i < 30; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = (i % 5) * 3 + 1;
            y[i] = i % 3;
        }
        return new LoadedDataset("mine", new LabeledData(x, y, 30, 2, new long[] {5, 7, 9}, List.of("a", "b")), null,
                List.of(new DataFile("train", "/d/mine.csv", 100, "ab".repeat(32))));
    }

    private static Row run(String dataset, int samples, String sha) {
        return new GenericRowWithSchema(new Object[] {dataset, samples, 1L, 0.2, "standardize", 2, sha}, RUN);
    }

    @Test
    void aRealDatasetsPointsAreTheRunsTrainingSplitStandardized() {
        LoadedDataset mine = mine();
        for (int samples : new int[] {24, 12}) {
            RunCharts.Points p = RunCharts.trainingPoints(run("mine", samples, mine.sha256()), name -> mine,
                    new HashMap<>());
            assertNull(p.missing());
            LabeledData t = p.train();
            // 0.2 of each class of 10 held out: 8 a class, 24 in all; 12 keeps 4 a class
            assertEquals(samples, t.samples());
            int[] perClass = new int[3];
            for (int c : t.y()) {
                perClass[c]++;
            }
            assertEquals(List.of(samples / 3, samples / 3, samples / 3), List.of(perClass[0], perClass[1], perClass[2]));
            for (int f = 0; f < 2; f++) {
                double sum = 0;
                double squares = 0;
                for (int i = 0; i < t.samples(); i++) {
                    sum += t.x()[2 * i + f];
                    squares += t.x()[2 * i + f] * t.x()[2 * i + f];
                }
                assertEquals(0, sum / t.samples(), 1e-6, "standardized on the training split: mean 0");
                assertEquals(1, squares / t.samples(), 1e-5, "and variance 1");
            }
        }
    }

    @Test
    void aGeneratedDatasetsPointsAreDrawnAgainWithoutAskingForData() {
        RunCharts.Points p = RunCharts.trainingPoints(new GenericRowWithSchema(new Object[] {"moons", 40, 3L, null,
                "standardize", 2, null}, RUN), RealDatasets.NONE, new HashMap<>());
        assertEquals(40, p.train().samples());
        assertNull(p.missing());
    }

    @Test
    void classesAreNamedByTheirLabelsWhereTheDataSayThem() {
        assertEquals(List.of("class 0 (label 5)", "class 1 (label 7)", "class 2 (label 9)"),
                RunCharts.classNames(3, false, mine().train()));
        assertEquals(List.of("class 0 (y = 0)", "class 1 (y = 1)"), RunCharts.classNames(2, true, null),
                "a generated set's labels are its classes");
        // a file gone or changed: its labels are unknown, and class 1 need not be label 1
        assertEquals(List.of("class 0", "class 1", "class 2"), RunCharts.classNames(3, false, null));
    }

    @Test
    void pointsThatCannotBeDrawnSayWhy() {
        LoadedDataset mine = mine();
        int[] asked = {0};
        RealDatasets gone = name -> {
            asked[0]++;
            throw new UserInputException("/d/mine.csv: no such file");
        };
        var read = new HashMap<String, Object>();
        RunCharts.Points p = RunCharts.trainingPoints(run("mine", 24, mine.sha256()), gone, read);
        assertNull(p.train());
        assertEquals("could not be read again (/d/mine.csv: no such file)", p.missing());
        RunCharts.trainingPoints(run("mine", 12, mine.sha256()), gone, read);
        assertEquals(1, asked[0], "a dataset is read once for all its runs");

        RunCharts.Points changed = RunCharts.trainingPoints(run("mine", 24, "0123456789abcdef" + "0".repeat(48)),
                name -> mine, new HashMap<>());
        assertNull(changed.train());
        assertEquals("has changed since the run (SHA-256 0123456789ab… then, " + mine.sha256().substring(0, 12)
                + "… now)", changed.missing());

        RunCharts.Points more = RunCharts.trainingPoints(run("mine", 27, mine.sha256()), name -> mine, new HashMap<>());
        assertTrue(more.missing().startsWith("does not give the run's examples now (samples: 27 training examples"),
                more.missing());
    }
}
