package org.initsweep.core.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where downloadable datasets are cached. Resolution order: the command line's {@code --data-dir},
 * else the environment variable {@value #ENV}, else {@code ~/.initsweep/data}. Each dataset has its
 * own folder inside, e.g. {@code mnist/}.
 */
public final class DataDir {

    /** The environment variable naming the data directory. */
    public static final String ENV = "INITSWEEP_DATA";

    private DataDir() {
    }

    /**
     * A resolved data directory.
     *
     * @param path the directory (it may not exist yet)
     * @param from where it came from: {@code --data-dir}, {@code INITSWEEP_DATA} or {@code default}
     */
    public record Choice(Path path, String from) {
    }

    /**
     * @param option   the {@code --data-dir} value, or null
     * @param env      the environment
     * @param userHome the user's home directory
     */
    public static Choice resolve(String option, Map<String, String> env, String userHome) {
        if (option != null && !option.isBlank()) {
            return new Choice(Path.of(option), "--data-dir");
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Choice(Path.of(fromEnv), ENV);
        }
        return new Choice(Path.of(userHome, ".initsweep", "data"), "default");
    }

    /** {@link #resolve(String, Map, String)} with this process's environment and {@code user.home}. */
    public static Choice resolve(String option) {
        return resolve(option, System.getenv(), System.getProperty("user.home"));
    }
}
