package org.initsweep.cli;

import picocli.CommandLine;

/**
 * The type converter of every option and parameter that names a directory ({@code --out}, {@code --data-dir},
 * the {@code DIR} of {@code analyze} and {@code sql}): a blank value is refused while the command line is
 * parsed, so it ends as one line naming the option and exit 2 before anything starts, rather than deep in
 * Hadoop as "Can not create a Path from an empty string".
 */
final class Directory implements CommandLine.ITypeConverter<String> {

    /**
     * @param value the text given
     * @return {@code value} unchanged
     * @throws CommandLine.TypeConversionException if {@code value} is empty or only white space
     */
    @Override
    public String convert(String value) {
        if (value.isBlank()) {
            throw new CommandLine.TypeConversionException("must name a directory, got an empty value");
        }
        return value;
    }
}
