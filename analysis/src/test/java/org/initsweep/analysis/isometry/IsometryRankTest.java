package org.initsweep.analysis.isometry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Where JJᵀ has zero eigenvalues the theory of square layers leaves out, no relative variance is predicted: a
 * linear net of orthogonal weights from 10 inputs to width 32 has JJᵀ = c²·P, P a projection of rank 10, whose
 * relative variance over the 32 eigenvalues is (32/10)·1 − 1 = 2.2 where the square theory says 0.
 */
class IsometryRankTest {

    private static final StructType CELL = new StructType().add("width", DataTypes.IntegerType)
            .add("input_dim", DataTypes.IntegerType);

    private static Row cell(Integer width, int inputDim) {
        return new GenericRowWithSchema(new Object[] {width, inputDim}, CELL);
    }

    @Test
    void fewerInputsThanUnitsLeaveZeroEigenvaluesTheTheoryDoesNotModel() {
        assertTrue(IsometryAnalysis.rankDeficient(cell(32, 10)), "10 inputs, 32 units: 22 zero eigenvalues");
        assertTrue(IsometryAnalysis.rankDeficient(cell(32, 2)), "moons at width 32");
        assertFalse(IsometryAnalysis.rankDeficient(cell(16, 64)), "digits' 64 features into 16 units: full rank");
        assertFalse(IsometryAnalysis.rankDeficient(cell(64, 64)), "gaussian's input is as wide as the layer");
        assertFalse(IsometryAnalysis.rankDeficient(cell(null, 2)), "a width profile: no prediction anyway");
    }
}
