package io.flanks.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering STYLE.md asks for, checked so it stays true. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.flanks.console");
    }

    @Test
    void viewModelsNeverTouchControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleName("CredentialRow")
                .or().haveSimpleNameEndingWith("RowVM")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(classes);
    }

    @Test
    void apiAndSandboxHaveNoJavaFx() {
        noClasses().that().resideInAnyPackage("io.flanks.console.api..", "io.flanks.console.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void apiDoesNotKnowTheConsole() {
        noClasses().that().resideInAPackage("io.flanks.console.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.flanks.console.credentials..",
                        "io.flanks.console.detail..", "io.flanks.console.app..", "io.flanks.console.settings..",
                        "io.flanks.console.sandbox..")
                .check(classes);
    }

    /** JavaFX's stock dialog buttons speak the machine's language; the console's own ({@code Buttons}) speak the user's. */
    @Test
    void dialogButtonsComeFromButtonsNotFromJavaFxStockTypes() {
        var rule = noClasses().should().getField(javafx.scene.control.ButtonType.class, "OK");
        for (String stock : new String[] {"CANCEL", "CLOSE", "YES", "NO", "APPLY", "FINISH", "NEXT", "PREVIOUS"}) {
            rule = rule.orShould().getField(javafx.scene.control.ButtonType.class, stock);
        }
        rule.check(classes);
    }
}
