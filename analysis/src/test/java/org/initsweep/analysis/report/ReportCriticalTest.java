package org.initsweep.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The critical multiplier the report draws on each heatmap, in the sweep's m: mean field's σ_w² (or the
 * small-signal 1/gain) over the init scheme's own fan_in·Var(W), or none.
 */
class ReportCriticalTest {

    private static ObjectNode critical(String activation, double sigmaB2) {
        return critical(activation, "scaled_normal", sigmaB2);
    }

    private static ObjectNode critical(String activation, String init, double sigmaB2) {
        return ReportData.critical(new org.initsweep.analysis.ChartGroup(activation, init, 100, null, sigmaB2, "gaussian"));
    }

    @Test
    void meanFieldWhereChi1CrossesOne() {
        ObjectNode relu = critical("relu", 0);
        assertEquals("mean_field", relu.get("method").asText());
        assertEquals(2, relu.get("m_c").asDouble(), 1e-9, "ReLU: σ_w² = 2");
        assertEquals(1.6, critical("elu(0.5)", 0).get("m_c").asDouble(), 1e-3, "2/(1 + α²)");
    }

    @Test
    void inTheSweepsMultiplierOfEachInitScheme() {
        // He draws 2/fan_in at m = 1: ReLU's σ_w² = 2 is m = 1 there, as regions/ says
        assertEquals(1, critical("relu", "he_normal", 0).get("m_c").asDouble(), 1e-9);
        assertEquals(2, critical("relu", "he_normal", 0).get("unit").asDouble(), 0);
        assertEquals(0.8, critical("elu(0.5)", "he_normal", 0).get("m_c").asDouble(), 1e-3);
        // tanh's σ_w² = 1: fan-in uniform draws 1/(3·fan_in) at m = 1, standard normal 1 (σ_w² = n = 100)
        assertEquals(3, critical("tanh", "uniform_fan_in", 0).get("m_c").asDouble(), 1e-9);
        assertEquals(0.01, critical("tanh", "standard_normal", 0).get("m_c").asDouble(), 1e-12);
        assertEquals(0.5, critical("tanh", "he_normal", 0).get("small_signal").asDouble(), 1e-12, "1/gain over 2");
        ObjectNode zero = critical("tanh", "zero", 0);
        assertTrue(zero.get("m_c").isNull(), zero.toString());
        assertEquals("none", zero.get("method").asText());
    }

    @Test
    void onAWidthProfileOnlySchemesWhoseHiddenLayersShareTheirUnit() {
        // He on a profile: 2/fan_in in every layer, so m_c = 1 for ReLU whatever the widths
        ObjectNode he = ReportData.critical(new org.initsweep.analysis.ChartGroup("relu", "he_normal", null, "[64,32,16]", 0,
                "gaussian"));
        assertEquals(1, he.get("m_c").asDouble(), 1e-9);
        // Glorot on a halving profile: fan_in·Var(W) = 2·fan_in/(fan_in + fan_out) = 4m/3 at every hidden layer,
        // so tanh's σ_w² = 1 is m = 3/4, as the profile's trainability theory has it
        ObjectNode halving = ReportData.critical(new org.initsweep.analysis.ChartGroup("tanh", "glorot_normal", null,
                "[64,32,16]", 0, "gaussian"));
        assertEquals(0.75, halving.get("m_c").asDouble(), 1e-9);
        // where it changes from layer to layer (Glorot's 4/3 then 1; standard_normal's fan_in): no single critical
        // m (not the unit of a width-1 net, 1, which put m_c at σ_w² itself)
        String[][] none = {{"glorot_normal", "[64,32,32]"}, {"standard_normal", "[64,32,16]"}};
        for (String[] initAndProfile : none) {
            String init = initAndProfile[0];
            ObjectNode c = ReportData.critical(new org.initsweep.analysis.ChartGroup("tanh", init, null, initAndProfile[1], 0,
                    "gaussian"));
            assertTrue(c.get("m_c").isNull(), c.toString());
            assertEquals("none", c.get("method").asText());
            assertTrue(c.get("note").asText().contains("width profile"), c.toString());
        }
    }

    @Test
    void truncNormalsCriticalMultiplierIsWhereItsOwnCutLawReachesSigmaW2() {
        // width 100, std 1 cut at ±2: ReLU's σ_w² = 2 is Var(W) = 0.02, σ = 0.14, 14σ inside the bounds: m = 0.02
        ObjectNode relu = critical("relu", "trunc_normal", 0);
        assertEquals("mean_field", relu.get("method").asText(), relu.toString());
        assertEquals(0.02, relu.get("m_c").asDouble(), 1e-12);
        assertTrue(relu.get("unit") == null, "no unit: σ_w² is not proportional to m");
        assertEquals(0.02, relu.get("small_signal").asDouble(), 1e-12, "1/gain = 2 = 100·Var(W)");
        // cut at ±0.04: Var(W) ≤ 0.08²/12, σ_w² ≤ 0.053 at width 100, never ReLU's 2
        ObjectNode narrow = critical("relu", "trunc_normal(std=0.02,a=-0.04,b=0.04)", 0);
        assertTrue(narrow.get("m_c").isNull(), narrow.toString());
        assertEquals("none", narrow.get("method").asText());
        assertTrue(narrow.get("note").asText().contains("never reaches at width 100"), narrow.toString());
        ObjectNode skewed = critical("relu", "trunc_normal(a=-0.5,b=1.0)", 0);
        assertTrue(skewed.get("m_c").isNull(), skewed.toString());
        assertTrue(skewed.get("note").asText().contains("non-zero mean"), skewed.toString());
    }

    @Test
    void noLineWhereChi1JumpsOverOne() {
        for (String act : new String[] {"gelu", "silu"}) {
            ObjectNode c = critical(act, 0);
            assertEquals("none", c.get("method").asText(), act);
            assertTrue(c.get("m_c").isNull(), act);
            assertTrue(c.get("note").asText().startsWith("no critical point: χ₁ jumps over 1 at σ_w² = 2."),
                    c.toString());
        }
    }
}
