package org.initsweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MessageLinesTest {

    @Test
    void theFirstLineIsTheFirstNonBlankOneWithoutItsMargins() {
        assertEquals("Path does not exist: /x", MessageLines.firstLine("Path does not exist: /x\n== Plan ==\nScan"));
        assertEquals("reason", MessageLines.firstLine("\n  reason  \r\nmore"));
        assertEquals("", MessageLines.firstLine(null));
        assertEquals("", MessageLines.firstLine(" \n "));
    }

    @Test
    void aThrowableWithoutAMessageIsNamedByItsClass() {
        assertEquals("IOException", MessageLines.reason(new IOException()));
        assertEquals("IOException", MessageLines.reason(new IOException("\n")));
        assertEquals("disk full", MessageLines.reason(new IOException("disk full\nat offset 3")));
    }

    @Test
    void theInnermostLineIsTheDeepestCauseThatSaysSomething() {
        Throwable reader = new RuntimeException("/d/a.csv is not a Parquet file. Expected magic number\nat tail");
        Throwable wrapped = new IllegalStateException(
                "Job aborted due to stage failure:\nException thrown in awaitResult:",
                new RuntimeException(new IOException("", reader)));
        assertEquals("/d/a.csv is not a Parquet file. Expected magic number", MessageLines.innermost(wrapped));
        assertEquals("IllegalStateException", MessageLines.innermost(new IllegalStateException()));
        assertEquals("outer", MessageLines.innermost(new RuntimeException("outer", new IOException())));
    }
}
