package org.initsweep.core.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec that cannot be run. Carries every problem found, so the user fixes them in one pass;
 * {@link #getMessage()} is one line per problem, prefixed with the source name.
 */
public final class SpecException extends org.initsweep.core.UserInputException {

    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    /**
     * @param source   where the spec came from (a file name), used as the prefix of every line
     * @param problems at least one problem
     */
    public SpecException(String source, List<SpecProblem> problems) {
        super(problems.stream().map(p -> source + ": " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in document order. */
    public List<SpecProblem> problems() {
        return problems;
    }
}
