package ai.sorot.desktop.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The desktop's layering (docs/architecture.md): it runs the local server and the analysts a
 * curator's machine can run, never the cloud backend; its feature packages form no cycle.
 */
@AnalyzeClasses(packages = "ai.sorot.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopLayersTest {

    @ArchTest
    static final ArchRule theDesktopUsesNoCloudStateOrLambdaType = noClasses()
            .that()
            .resideInAPackage("ai.sorot.desktop..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "ai.sorot.lambda.aws.cloud..",
                    "ai.sorot.lambda.aws.state..",
                    "ai.sorot.lambda.aws.worker..",
                    "ai.sorot.lambda.aws.observe..",
                    "com.amazonaws.services.lambda.runtime..",
                    "software.amazon.awssdk.services.dynamodb..",
                    "software.amazon.awssdk.services.s3..",
                    "software.amazon.awssdk.services.sqs..",
                    "software.amazon.awssdk.services.secretsmanager..")
            .because("the desktop ships without the cloud backend (sorot-cloud is banned from its class path)");

    @ArchTest
    static final ArchRule theSharedUiHelpersUseNoFeature = noClasses()
            .that()
            .resideInAPackage("ai.sorot.desktop.ui..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("ai.sorot.desktop..").and(not(resideInAPackage("ai.sorot.desktop.ui.."))))
            .because("every feature uses ui; ui uses none of them");

    @ArchTest
    static final ArchRule desktopPackagesFormNoCycle =
            slices().matching("ai.sorot.desktop.(*)..").should().beFreeOfCycles();
}
