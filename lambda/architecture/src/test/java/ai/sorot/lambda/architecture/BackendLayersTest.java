package ai.sorot.lambda.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The backend's layering, over the main classes of every backend module and the contract
 * (docs/architecture.md draws it). Each rule names the packages, not the modules, so that a class
 * put in the wrong package of the right module is caught too. An "AWS type" is the AWS SDK
 * ({@code software.amazon..}) or one of Sorot's AWS adapter packages.
 */
@AnalyzeClasses(
        packages = {"ai.sorot.lambda", "ai.sorot.model"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class BackendLayersTest {

    static final String[] ENGINE = {
        "ai.sorot.lambda.screenplay..", "ai.sorot.lambda.archive..", "ai.sorot.lambda.files.."
    };
    static final String[] PIPELINE = {
        "ai.sorot.lambda.pipeline..", "ai.sorot.lambda.checks..", "ai.sorot.lambda.coverage.."
    };
    /** What implements a port or serves a protocol: stores, queues, servers, analysts, handlers. */
    static final String[] ADAPTERS = {
        "ai.sorot.lambda.local..",
        "ai.sorot.lambda.aws..",
        "ai.sorot.lambda.localmodel..",
        "ai.sorot.lambda.offline..",
        "ai.sorot.lambda.semantic.."
    };

    static final String[] AWS = {"software.amazon..", "ai.sorot.lambda.aws.."};

    @ArchTest
    static final ArchRule theEngineUsesNoApiAdapterLibraryOrCli = noClasses()
            .that()
            .resideInAnyPackage(ENGINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(
                    PIPELINE, ADAPTERS, "ai.sorot.lambda.api..", "ai.sorot.lambda.library..", "ai.sorot.lambda.cli.."))
            .because("the screenplay engine reads files into screenplays and knows nothing above it");

    @ArchTest
    static final ArchRule thePipelineUsesNoApiAdapterLibraryOrCli = noClasses()
            .that()
            .resideInAnyPackage(PIPELINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    concat(ADAPTERS, "ai.sorot.lambda.api..", "ai.sorot.lambda.library..", "ai.sorot.lambda.cli.."))
            .because("the pipeline owns its ports; adapters implement them and the entry points wire them");

    @ArchTest
    static final ArchRule theApiUsesNoAdapter = noClasses()
            .that()
            .resideInAPackage("ai.sorot.lambda.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(ADAPTERS, "ai.sorot.lambda.library..", "ai.sorot.lambda.cli.."))
            .because("one router serves the Lambda and the local server: it sees ports, never their adapters");

    @ArchTest
    static final ArchRule localAndOfflineCodeUseNoAwsType = noClasses()
            .that()
            .resideInAnyPackage("ai.sorot.lambda.local..", "ai.sorot.lambda.offline..", "ai.sorot.lambda.semantic..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(AWS)
            .because("a workstation runs them without an AWS account; the entry points choose cloud analysts");

    @ArchTest
    static final ArchRule theLibraryUsesNoAwsPipelineOrLocalType = noClasses()
            .that()
            .resideInAPackage("ai.sorot.lambda.library..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    concat(AWS, PIPELINE, "ai.sorot.lambda.local..", "ai.sorot.lambda.api..", "ai.sorot.lambda.cli.."))
            .because("the curator's library keeps finished reports; it does not run analyses");

    @ArchTest
    static final ArchRule nothingBelowTheEntryPointsUsesTheCli = noClasses()
            .that()
            .resideOutsideOfPackage("ai.sorot.lambda.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("ai.sorot.lambda.cli..")
            .because("the ./sorot commands are an entry point: they choose, nothing chooses them");

    @ArchTest
    static final ArchRule theModelAnalystsUseNoCloudState = noClasses()
            .that()
            .resideInAnyPackage(
                    "ai.sorot.lambda.aws",
                    "ai.sorot.lambda.aws.bedrock..",
                    "ai.sorot.lambda.aws.gemini..",
                    "ai.sorot.lambda.aws.polly..",
                    "ai.sorot.lambda.localmodel..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "ai.sorot.lambda.aws.cloud..",
                    "ai.sorot.lambda.aws.state..",
                    "ai.sorot.lambda.aws.worker..",
                    "ai.sorot.lambda.aws.observe..",
                    "ai.sorot.lambda.local..",
                    "software.amazon.awssdk.services.dynamodb..",
                    "software.amazon.awssdk.services.s3..",
                    "software.amazon.awssdk.services.sqs..",
                    "software.amazon.awssdk.services.secretsmanager..",
                    "com.amazonaws.services.lambda.runtime")
            .because("the desktop runs these analysts, and must not carry the cloud backend with them");

    @ArchTest
    static final ArchRule theContractUsesNothingOfOurs = noClasses()
            .that()
            .resideInAPackage("ai.sorot.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ai.sorot.lambda..", "ai.sorot.desktop..", "ai.sorot.infra..", "ai.sorot.installers..")
            .because("the API contract is what the server and its clients share; it depends on neither");

    /** The rules above hold only if every module's classes are imported: one class from each. */
    @ArchTest
    static void everyBackendModuleIsImported(JavaClasses classes) {
        assertThat(List.of(
                        "ai.sorot.lambda.screenplay.ScreenplayReader",
                        "ai.sorot.lambda.pipeline.Pipeline",
                        "ai.sorot.lambda.api.ApiRouter",
                        "ai.sorot.lambda.offline.OfflineAnalysts",
                        "ai.sorot.lambda.aws.AnalystChoice",
                        "ai.sorot.lambda.local.LocalBackend",
                        "ai.sorot.lambda.library.Library",
                        "ai.sorot.lambda.cli.SorotCli",
                        "ai.sorot.lambda.aws.cloud.CloudBackend",
                        "ai.sorot.model.Json"))
                .allMatch(classes::contain);
    }

    @ArchTest
    static final ArchRule backendPackagesFormNoCycle =
            slices().matching("ai.sorot.lambda.(*)..").should().beFreeOfCycles();

    private static String[] concat(String[] first, String... rest) {
        var all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private static String[] concat(String[] first, String[] second, String... rest) {
        return concat(concat(first, second), rest);
    }
}
