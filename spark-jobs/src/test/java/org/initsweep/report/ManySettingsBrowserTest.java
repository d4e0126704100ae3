package org.initsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.initsweep.analysis.report.ReportPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten training settings in one group (a 2-optimizer × 5-η grid): the eight dash patterns repeat from the
 * ninth setting in 1 px lines instead of 2 px, so no two lines of one multiplier look the same.
 */
class ManySettingsBrowserTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int SETTINGS = 10;

    @Test
    void dashesRepeatInThinLinesAfterTheEighthSetting(@TempDir Path tmp) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path page = tmp.resolve("index.html");
        Files.writeString(page, ReportPage.render(data()));
        JsonNode check = chromium.cleanSelfcheck(page);
        JsonNode cost = null;
        for (JsonNode c : check.path("charts")) {
            if (c.path("kind").asText().equals("cost")) {
                cost = c;
            }
        }
        List<String> looks = new ArrayList<>();
        for (JsonNode l : cost.path("lines")) {
            looks.add(l.path("dash").toString() + " " + l.path("width").asInt());
        }
        assertEquals(SETTINGS, looks.size(), cost.toString());
        assertEquals(SETTINGS, looks.stream().distinct().count(), "every line looks different: " + looks);
        assertEquals(List.of("\"solid\" 2", "[8,5] 2", "\"solid\" 1", "[8,5] 1"),
                List.of(looks.get(0), looks.get(1), looks.get(8), looks.get(9)));
    }

    private static ObjectNode data() {
        ObjectNode d = F.objectNode();
        d.put("generated_at", "2026-12-05T09:00:00Z");
        d.putObject("spec").put("name", "settings");
        d.putObject("engine").put("engine_version", "test");
        d.putObject("runs_by_status").put("ok", SETTINGS);
        d.put("runs", SETTINGS);
        d.put("cells", 0);
        d.putObject("cells_by_regime");
        d.putNull("decades");
        ObjectNode g = d.putArray("groups").addObject();
        g.put("id", "g0");
        g.put("title", "tanh, width 8");
        g.put("activation", "tanh");
        g.put("init", "lecun_normal");
        g.put("width", 8);
        g.put("sigma_b2", 0.0);
        g.put("dataset", "moons");
        ArrayNode cs = ReportJson.costSeries(g, 3);
        for (int i = 0; i < SETTINGS; i++) {
            ObjectNode s = cs.addObject();
            s.put("m", 1.0);
            s.put("setting", (i < 5 ? "sgd" : "adam") + " \u03b7 = " + (i % 5 + 1) / 100.0);
            s.put("setting_index", i);
            s.put("seeds", 1);
            s.putArray("loss").add(0.7).add(0.6 - 0.01 * i).add(0.5 - 0.02 * i);
            s.putArray("accuracy").add(0.5).add(0.6).add(0.7);
        }
        return d;
    }
}
