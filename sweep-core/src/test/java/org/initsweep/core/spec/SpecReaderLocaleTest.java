package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.regime.Regime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names with an {@code i} read the same under a Turkish default locale, where
 * {@code "sigmoid".toUpperCase()} is {@code SİGMOİD} and {@code "VANISHING".toLowerCase()} is
 * {@code vanıshıng}.
 */
class SpecReaderLocaleTest {

    private Locale saved;

    @BeforeEach
    void turkish() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void activationsAndPrecisionWithAnIParseUnderTrTr() throws Exception {
        SweepSpec s = SpecReader.parse("""
                {"name": "tr", "depths": [2], "widths": [4], "activations": ["sigmoid", "linear", "tanh"],
                 "inits": ["xavier_normal", "identity_scaled"], "precision": "float64"}
                """, "tr.json");
        assertEquals(List.of(Activation.SIGMOID, Activation.LINEAR, Activation.TANH), s.activations());
        assertEquals(Precision.FLOAT64, s.precision());
    }

    @Test
    void regimeLabelsRoundTripUnderTrTr() {
        for (Regime r : Regime.values()) {
            assertEquals(r, Regime.fromLabel(r.label()));
        }
        assertEquals("vanishing", Regime.VANISHING.label());
    }

    @Test
    void suggestionsMatchUnderTrTr() throws Exception {
        var e = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> SpecReader.parse("""
                {"name": "tr", "depths": [2], "widths": [4], "activations": ["SIGMOIT"], "inits": ["he_normal"]}
                """, "tr.json"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("did you mean 'sigmoid'"), e.getMessage());
    }
}
