package org.leadfeedercamel.cli;

import picocli.CommandLine;

/** The version Maven wrote into the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = LeadfeederCamel.class.getPackage().getImplementationVersion();
        return new String[] {"leadfeeder-camel " + (version == null ? "(development build)" : version)};
    }
}
