package org.initsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.initsweep.core.UserInputException;
import org.initsweep.core.spec.SpecException;
import org.initsweep.core.spec.SpecProblem;
import org.junit.jupiter.api.Test;

/** Which failures are the user's (exit 2) and which are initsweep's own (exit 1, "internal error"). */
class ErrorReportTest {

    private static String[] report(Throwable e) {
        // the situation an earlier command in this JVM left (a local master's tasksHere) would change the line
        Main.during(Situation.NONE);
        StringWriter out = new StringWriter();
        int code = Main.report(new PrintWriter(out, true), e, false);
        return new String[] {Integer.toString(code), out.toString()};
    }

    @Test
    void userInputIsExitTwoWithItsOwnLine() {
        String[] r = report(new UserInputException("--tasks must be ≥ 0, got -1"));
        assertEquals("2", r[0]);
        assertEquals("initsweep: --tasks must be ≥ 0, got -1", r[1].strip());
    }

    @Test
    void specProblemsAreExitTwo() {
        String[] r = report(new SpecException("s.json", java.util.List.of(new SpecProblem("depths", "missing"))));
        assertEquals("2", r[0]);
        assertEquals("s.json: depths: missing", r[1].strip());
    }

    @Test
    void aBugThatThrowsIllegalArgumentIsAnInternalErrorNotBadInput() {
        String[] r = report(new IllegalArgumentException("index 3 out of range"));
        assertEquals("1", r[0]);
        assertTrue(r[1].startsWith("initsweep: internal error: IllegalArgumentException: index 3 out of range"), r[1]);
        assertTrue(r[1].contains("--debug"), r[1]);
        assertEquals(1, r[1].strip().lines().count(), "one line");
    }

    @Test
    void anErrorOnTheCommandsThreadIsNamedAsItself() {
        // execute hands an Error that reached the command's thread to report as it is
        String[] r = report(new NoClassDefFoundError("org/example/Missing"));
        assertEquals("1", r[0]);
        assertTrue(r[1].startsWith("initsweep: internal error: NoClassDefFoundError: org/example/Missing"), r[1]);
    }
}
