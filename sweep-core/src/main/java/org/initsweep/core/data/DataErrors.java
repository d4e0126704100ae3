package org.initsweep.core.data;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;
import org.initsweep.core.MessageLines;
import org.initsweep.core.UserInputException;

/** One-line messages for input files that cannot be read. */
final class DataErrors {

    private DataErrors() {
    }

    /** {@code path: what went wrong}, from an exception thrown while opening or reading {@code path}. */
    static UserInputException io(String path, IOException e) {
        return new UserInputException(path + ": " + describe(e), e);
    }

    /** What went wrong, in a few words, e.g. "no such file" or "truncated (…)". */
    static String describe(IOException e) {
        String what;
        if (e instanceof FileNotFoundException && String.valueOf(e.getMessage()).endsWith("(Permission denied)")) {
            what = "permission denied"; // java.io's (Hadoop's local file system's) word for it
        } else if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            what = "no such file";
        } else if (e instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            what = fse.getReason();
        } else if (e instanceof ZipException) {
            what = "not a valid gzip file (" + e.getMessage() + ")";
        } else if (e instanceof EOFException) {
            what = "truncated (" + (e.getMessage() == null ? "unexpected end of file" : e.getMessage()) + ")";
        } else {
            what = "cannot read it (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + MessageLines.firstLine(e.getMessage())) + ")";
        }
        return what;
    }
}
