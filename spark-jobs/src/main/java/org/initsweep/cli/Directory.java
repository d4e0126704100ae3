package org.initsweep.cli;

import picocli.CommandLine;

/**
 * The type converter of every option and parameter that names a directory ({@code --data-dir}; {@link Hadoop}
 * for {@code --out} and the {@code DIR} of {@code analyze} and {@code sql}): a value that cannot name one is
 * refused while the command line is parsed, so it ends as one line naming the option and exit 2 before
 * anything starts, rather than deep in Hadoop as "Can not create a Path from an empty string".
 */
class Directory implements CommandLine.ITypeConverter<String> {

    /**
     * @param value the text given
     * @return {@code value} unchanged
     * @throws CommandLine.TypeConversionException if {@code value} is empty or only white space
     */
    @Override
    public String convert(String value) {
        if (value.isBlank()) {
            throw new CommandLine.TypeConversionException("must name a directory, got " + describeBlank(value));
        }
        return value;
    }

    /** "an empty value" or "only white space" for a blank command-line value. */
    static String describeBlank(String value) {
        return value.isEmpty() ? "an empty value" : "only white space";
    }

    /**
     * A directory that Spark reads or writes, so a Hadoop path or URI ({@code results/x}, {@code file:/tmp/x},
     * {@code hdfs://nn/x}): text that Hadoop cannot parse as one, such as {@code x:y} (a scheme {@code x}
     * with a relative path), is refused too.
     */
    static final class Hadoop extends Directory {

        /** @throws CommandLine.TypeConversionException if the value is blank or not a Hadoop path */
        @Override
        public String convert(String value) {
            super.convert(value);
            try {
                new org.apache.hadoop.fs.Path(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a path or URI (text before a"
                        + " colon is read as a URI scheme: write ./" + value + " for a local name with a colon)");
            }
            return value;
        }
    }
}
