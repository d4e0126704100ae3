package org.initsweep.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The type converter of the {@code SPEC} parameter of {@code run} and {@code validate}: an empty or blank
 * value is refused while parsing (as an empty path it would name the working directory).
 */
final class SpecFile implements CommandLine.ITypeConverter<Path> {

    /** @throws CommandLine.TypeConversionException if {@code value} is empty or only white space */
    @Override
    public Path convert(String value) {
        if (value.isBlank()) {
            throw new CommandLine.TypeConversionException("must name a spec file, got " + Directory.describeBlank(value));
        }
        return Path.of(value);
    }
}
