package org.leadfeedercamel.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The commented {@code application.properties}, written from the key descriptors: every key with its
 * default and its documentation. {@code main} rewrites the file; a test keeps the file in the repository
 * equal to it.
 */
public final class ConfigurationFile {

    private ConfigurationFile() {
    }

    public static String render() {
        StringBuilder text = new StringBuilder("""
                # leadfeeder-camel configuration: every key with its default.
                # Each key can be overridden by an environment variable (upper-case, '.' and '-' become '_', e.g.
                # leadfeeder.page-size -> LEADFEEDER_PAGE_SIZE) or by a -D system property.
                # Written from org.leadfeedercamel.config.ConfigurationKeys: change a key there, then run
                # mvn -q compile exec:java -Dexec.mainClass=org.leadfeedercamel.config.ConfigurationFile
                #
                # Named instances (one token, its tables and state each): leadfeeder.instances.<id>.<key> takes every
                # leadfeeder.* key below without 'leadfeeder.' (LEADFEEDER_INSTANCES_<ID>_<KEY>), e.g.
                #   leadfeeder.instances.acme.api-token=...   leadfeeder.instances.acme.table-prefix=acme_
                # A key an instance does not set is the plain key's, except api-token, account-id and table-prefix
                # (raw_leadfeeder_<id>__). The plain keys are the default instance when no instance is declared or
                # leadfeeder.api-token is set.
                """);
        for (ConfigurationKeys.Section section : ConfigurationKeys.SECTIONS) {
            text.append("\n## ").append(section.title()).append('\n');
            for (Field<?> field : section.fields()) {
                field.doc().forEach(line -> text.append("# ").append(line).append('\n'));
                text.append(field.name()).append('=').append(field.defaultValue() == null ? "" : field.defaultValue()).append('\n');
            }
        }
        return text.toString();
    }

    /** Writes the file, by default {@code application.properties} in the working directory. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args.length > 0 ? args[0] : "application.properties"), render(), StandardCharsets.UTF_8);
    }
}
