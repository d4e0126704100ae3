package org.initsweep.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The critical multiplier the report draws on each heatmap: mean field's, the small-signal one, or none. */
class ReportCriticalTest {

    private static ObjectNode critical(String activation, double sigmaB2) {
        return ReportData.critical(new org.initsweep.analysis.ChartGroup(activation, "he_normal", 32, null, sigmaB2, "gaussian"));
    }

    @Test
    void meanFieldWhereChi1CrossesOne() {
        ObjectNode relu = critical("relu", 0);
        assertEquals("mean_field", relu.get("method").asText());
        assertEquals(2, relu.get("m_c").asDouble(), 1e-9);
        assertEquals(1.6, critical("elu(0.5)", 0).get("m_c").asDouble(), 1e-3, "2/(1 + α²)");
    }

    @Test
    void noLineWhereChi1JumpsOverOne() {
        for (String act : new String[] {"gelu", "silu"}) {
            ObjectNode c = critical(act, 0);
            assertEquals("none", c.get("method").asText(), act);
            assertTrue(c.get("m_c").isNull(), act);
            assertTrue(c.get("note").asText().startsWith("no critical point: chi1 jumps over 1"), c.toString());
        }
    }
}
