package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {

    private static final List<ConsoleTable.Column> COLUMNS = List.of(ConsoleTable.Column.text("init"),
            new ConsoleTable.Column("dataset", false, true), ConsoleTable.Column.number("m"));

    @Test
    void columnsAreAsWideAsTheirWidestEntryTextLeftNumbersRight() {
        List<String[]> rows = List.of(new String[] {"he_normal", "moons", "2"}, new String[] {"uniform_fan_in", "spiral", "0.25"});
        assertEquals(List.of(
                "  init           dataset    m",
                "  he_normal      moons      2",
                "  uniform_fan_in spiral  0.25"), ConsoleTable.lines(COLUMNS, rows));
    }

    @Test
    void aColumnShownOnlyWhenVaryingIsLeftOutWhenEveryRowHoldsTheSameEntry() {
        List<String[]> rows = List.of(new String[] {"he_normal", "moons", "2"}, new String[] {"zero", "moons", "-"});
        assertEquals(List.of(
                "  init      m",
                "  he_normal 2",
                "  zero      -"), ConsoleTable.lines(COLUMNS, rows));
    }

    @Test
    void aRowWithTheWrongNumberOfEntriesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConsoleTable.lines(COLUMNS, List.<String[]>of(new String[] {"x"})));
    }
}
