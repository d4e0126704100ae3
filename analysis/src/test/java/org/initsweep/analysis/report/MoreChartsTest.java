package org.initsweep.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every chart the analysis drew is in the report: those no section links are listed for a section of their own. */
class MoreChartsTest {

    @Test
    void chartsNoSectionLinksAreListedSortedAndLinkedOnesAreNot() throws Exception {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree("""
                {"groups": [{"heatmap": {"png": "../charts/regime_tanh.png"},
                             "layers": {"epochs": [{"png": "../charts/layers_tanh_epoch0.png"}]},
                             "histograms": {"pngs": ["../charts/histograms_tanh_s1.png"]}}],
                 "trainability": {"groups": [{"png": "../charts/trainability_tanh.png"}]},
                 "spec": {"name": "../charts/not-a-chart-name"}}
                """);
        Set<String> pngs = new LinkedHashSet<>(List.of("regime_tanh.png", "layers_tanh_epoch0.png",
                "histograms_tanh_s1.png", "trainability_tanh.png", "isometry_tanh.png", "compare_cost_tanh.png",
                "notes.txt"));
        List<String> more = new ArrayList<>();
        ReportData.moreCharts(root, pngs).forEach(n -> more.add(n.asText()));
        assertEquals(List.of("../charts/compare_cost_tanh.png", "../charts/isometry_tanh.png"), more);
    }
}
