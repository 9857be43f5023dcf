package org.leadfeedercamel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.api.ApiGeneration;

/**
 * The shape the code keeps: packages by concern with dependencies in one direction, Camel's
 * {@link Exchange} at the edge only, and the API generation a matter of the api package alone.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.leadfeedercamel");

    @Test
    void thePackagesDependOnEachOtherWithoutACycle() {
        slices().matching("org.leadfeedercamel.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** Domain code takes typed values; only what implements a Camel interface (a Processor, a Policy, a strategy) sees an Exchange. */
    @Test
    void onlyCamelImplementationsInTheDomainPackagesTakeAnExchange() {
        List<String> offenders = new ArrayList<>();
        for (JavaClass type : MAIN) {
            if (!type.getPackageName().matches("org\\.leadfeedercamel\\.(api|mapping|state|sql|config|run)")
                    || type.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().startsWith("org.apache.camel"))) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                if (method.getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(Exchange.class))) {
                    offenders.add(method.getFullName());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void whichApiGenerationIsInUseIsDecidedInTheApiPackageAlone() {
        noClasses().that().resideOutsideOfPackage("org.leadfeedercamel.api").and().resideOutsideOfPackage("org.leadfeedercamel.simulator..")
                .should().dependOnClassesThat().areAssignableTo(ApiGeneration.class).check(MAIN);
    }
}
