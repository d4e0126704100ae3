package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Two runs' charts never share a file: σ_b² and the training setting join the name where a sweep varies them. */
class RunChartsNamingTest {

    private static final StructType RUNS = new StructType()
            .add("activation", DataTypes.StringType).add("init", DataTypes.StringType)
            .add("multiplier", DataTypes.DoubleType).add("width", DataTypes.IntegerType)
            .add("profile", DataTypes.StringType).add("sigma_b2", DataTypes.DoubleType)
            .add("dataset", DataTypes.StringType).add("depth", DataTypes.IntegerType).add("seed", DataTypes.LongType)
            .add("optimizer", DataTypes.StringType).add("learning_rate", DataTypes.DoubleType);

    private static Row run(double sigmaB2, String optimizer, double lr) {
        return new GenericRowWithSchema(new Object[] {"tanh", "lecun_normal", 1.0, 8, null, sigmaB2, "moons", 3, 1L,
            optimizer, lr}, RUNS);
    }

    @Test
    void aSweepOfOneSigmaB2AndSettingKeepsTheShortName() {
        var naming = new RunCharts.Naming(false, false);
        assertEquals("tanh_lecun_normal_m1_w8_d3_moons_s1", naming.stem(run(0.0, "sgd", 0.1)));
        assertEquals("tanh, lecun_normal, m = 1, width 8, depth 3, moons, seed 1", naming.title(run(0.0, "sgd", 0.1)));
    }

    @Test
    void runsDifferingInLearningRateOrSigmaB2GetTheirOwnFiles() {
        var naming = new RunCharts.Naming(true, true);
        assertEquals("tanh_lecun_normal_m1_w8_d3_moons_s1_sb0.05_momentum_beta_0.9__lr0.5",
                naming.stem(run(0.05, "momentum(beta=0.9)", 0.5)));
        assertEquals("tanh, lecun_normal, m = 1, width 8, depth 3, moons, seed 1, \u03c3_b\u00b2 = 0.05, sgd \u03b7 = 0.5",
                naming.title(run(0.05, "sgd", 0.5)));
        assertNotEquals(naming.stem(run(0.0, "sgd", 0.5)), naming.stem(run(0.0, "sgd", 0.05)));
        assertNotEquals(naming.stem(run(0.0, "sgd", 0.5)), naming.stem(run(0.05, "sgd", 0.5)));
    }
}
