package org.leadfeedercamel.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An embedded H2 warehouse in a file ({@code jdbc:h2:file:./data/leadfeeder}): where its database file
 * is, whether that folder can hold it, and the URL other processes share it through.
 */
public final class H2File {

    private final String url;
    private final Path base;

    private H2File(String url, Path base) {
        this.url = url;
        this.base = base;
    }

    /** The H2 file a JDBC URL names, or null when it names none (another database, memory, a server). */
    public static H2File of(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:") || lower.startsWith("zip:")) {
            return null;
        }
        name = lower.startsWith("file:") ? name.substring("file:".length()) : name;
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return new H2File(jdbcUrl, Path.of(name).toAbsolutePath().normalize());
    }

    /** The database file itself. */
    public Path database() {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    public boolean exists() {
        return Files.exists(database());
    }

    /**
     * Why the database cannot be created where the URL says (its folder's nearest existing ancestor is a
     * file, or cannot be written), or null when it can be.
     */
    public String folderProblem() {
        Path folder = base.getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return "no folder of " + base + " exists";
        }
        if (!Files.isDirectory(folder)) {
            return folder + " is a file, not a folder";
        }
        if (!Files.isWritable(folder)) {
            return "the folder " + folder + " is not writable";
        }
        return null;
    }

    /**
     * The URL with H2's automatic mixed mode: the first process opens the file, the others (a
     * {@code status} or a second {@code once} beside {@code run}) reach it through the server H2 starts in
     * that process, instead of failing on the file lock.
     */
    public String shared() {
        return url.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=") ? url : url + ";AUTO_SERVER=TRUE";
    }

    /** {@link #shared()}, and a database that is not there is an error rather than created. */
    public String sharedIfExists() {
        String shared = shared();
        return shared.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? shared : shared + ";IFEXISTS=TRUE";
    }
}
