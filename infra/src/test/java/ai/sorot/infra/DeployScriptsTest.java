package ai.sorot.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy.sh} and {@code setup-iam.sh} run for real, in a copy of the repository, with the
 * AWS CLI, the SAM CLI and Docker replaced by stand-ins that record every call and answer as the
 * real tools do (src/test/resources/stubs). What the scripts would do to an account, in what
 * order and with which arguments, is checked here; what AWS then does with it is the smoke test's.
 */
class DeployScriptsTest {

    static final String REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    static final String DIGEST = "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

    @TempDir
    Path dir;

    Path repo;
    Path bin;
    Path log;

    @BeforeEach
    void copyTheRepository() throws IOException {
        repo = Files.createDirectories(dir.resolve("repo"));
        copyTree(Path.of("scripts"), repo.resolve("infra/scripts"));
        Files.copy(Path.of("template.yaml"), repo.resolve("infra/template.yaml"));
        Files.copy(Path.of("samconfig.toml"), repo.resolve("infra/samconfig.toml"));
        Files.createDirectories(repo.resolve("lambda/cloud"));
        Files.copy(Path.of("..", "lambda", "cloud", "Dockerfile"), repo.resolve("lambda/cloud/Dockerfile"));
        bin = Files.createDirectories(dir.resolve("bin"));
        for (var tool : List.of("aws", "sam", "docker", "curl")) {
            var target = bin.resolve(tool);
            Files.copy(Path.of("src", "test", "resources", "stubs", tool), target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        log = dir.resolve("calls.log");
        Files.writeString(log, "");
    }

    private record Run(int exit, String output, List<String> calls) {}

    private Run run(String script, Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<>(
                List.of("bash", repo.resolve("infra/scripts").resolve(script).toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        var environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SOROT_") || k.startsWith("GEMINI"));
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("STUB_LOG", log.toString());
        environment.putAll(env);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        return new Run(exit, output, Files.readAllLines(log));
    }

    private static String single(List<String> calls, String prefix) {
        var matching = calls.stream().filter(c -> c.startsWith(prefix)).toList();
        assertThat(matching)
                .as("one call starting with '" + prefix + "' in " + calls)
                .hasSize(1);
        return matching.getFirst();
    }

    @Test
    void theFirstDeployChecksTheModelsBuildsPushesByDigestGeneratesATokenAndDeploysTheStackWithSam() throws Exception {
        var env = new HashMap<String, String>();
        env.put("GEMINI_API_KEY", "AIza-deploy-test");
        env.put("PATH_CURL_CODE", "200");
        var result = run("deploy.sh", env, "--tag", "v42");
        assertThat(result.exit()).as(result.output()).isZero();
        var calls = result.calls();
        // the Maven build runs inside the image build: the context is the repository
        assertThat(single(calls, "docker build"))
                .isEqualTo(
                        "docker build --platform linux/amd64 --provenance=false -f lambda/cloud/Dockerfile -t sorot-ai-lambda:v42 .");
        assertThat(single(calls, "docker push")).isEqualTo("docker push " + REGISTRY + "/sorot-ai-lambda:v42");
        assertThat(single(calls, "docker login")).contains("--username AWS --password-stdin " + REGISTRY);
        assertThat(single(calls, "sam validate"))
                .contains("--template-file infra/template.yaml")
                .contains("--lint");
        var deploy = single(calls, "sam deploy");
        assertThat(deploy)
                .contains("--stack-name sorot-ai-stack")
                .contains("--region us-east-1")
                .contains("--capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM")
                .contains("ImageUri=" + REGISTRY + "/sorot-ai-lambda@" + DIGEST)
                .contains("BedrockModelId=us.deepseek.r1-v1:0")
                .contains("BedrockFoundationModelId=deepseek.r1-v1:0")
                .contains("GeminiApiKey=AIza-deploy-test")
                .contains("ApiTokens=")
                .contains("--image-repository " + REGISTRY + "/sorot-ai-lambda")
                .contains("--no-confirm-changeset");
        // the models are checked before anything is built, and the push comes before the deploy
        int converse = calls.indexOf(single(calls, "aws bedrock-runtime converse"));
        assertThat(single(calls, "aws bedrock-runtime converse"))
                .contains("--model-id us.deepseek.r1-v1:0")
                .contains("\"maxTokens\":1");
        assertThat(converse).isLessThan(calls.indexOf(single(calls, "docker build")));
        assertThat(calls.indexOf(single(calls, "docker push"))).isLessThan(calls.indexOf(deploy));
        // the Gemini key went to Google in a header read from stdin, never on a command line
        assertThat(single(calls, "curl"))
                .contains("generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-lite")
                .contains("-H @-")
                .doesNotContain("AIza-deploy-test");
        // a token was generated for the first deploy and kept, private, in .env
        var dotenv = repo.resolve(".env");
        assertThat(Files.readString(dotenv)).containsPattern("SOROT_API_TOKENS=[0-9a-f]{48}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dotenv)))
                .isEqualTo("rw-------");
        var token = Files.readString(dotenv).replaceAll("(?s).*SOROT_API_TOKENS=([0-9a-f]{48}).*", "$1");
        assertThat(deploy).contains("ApiTokens=" + token);
        assertThat(result.output())
                .contains("https://k7c2q9x1ab.execute-api.us-east-1.amazonaws.com")
                .contains("smoke-test.sh")
                .contains("aws logs tail /sorot/sorot-ai-stack/worker")
                .contains("aws logs tail /sorot/sorot-ai-stack/dead-letters")
                .contains("--rollback v42");
    }

    @Test
    void aLaterDeployKeepsTheStoredSecretsAndCanGoThroughCloudFormationAlone() throws Exception {
        var result = run(
                "deploy.sh",
                Map.of("STUB_STACK_EXISTS", "1", "AWS_REGION", "us-east-1"),
                "--tag",
                "v43",
                "--cloudformation");
        assertThat(result.exit()).as(result.output()).isZero();
        var deploy = single(result.calls(), "aws cloudformation deploy");
        assertThat(deploy)
                .contains("--stack-name sorot-ai-stack")
                .contains("CAPABILITY_AUTO_EXPAND")
                .contains("ImageUri=" + REGISTRY + "/sorot-ai-lambda@" + DIGEST)
                .doesNotContain("ApiTokens=")
                .doesNotContain("GeminiApiKey=");
        assertThat(result.calls()).noneMatch(c -> c.startsWith("sam "));
        assertThat(repo.resolve(".env")).doesNotExist();
    }

    @Test
    void aRollbackDeploysTheDigestEcrHoldsForTheTagAndBuildsAndPushesNothing() throws Exception {
        var result =
                run("deploy.sh", Map.of("STUB_STACK_EXISTS", "1", "STUB_IMAGE_TAGS", "v40 v41"), "--rollback", "v40");
        assertThat(result.exit()).as(result.output()).isZero();
        var calls = result.calls();
        assertThat(calls).noneMatch(c -> c.startsWith("docker "));
        assertThat(single(calls, "aws ecr describe-images")).contains("imageTag=v40");
        assertThat(single(calls, "sam deploy"))
                .contains("ImageUri=" + REGISTRY + "/sorot-ai-lambda@sha256:" + sha256("v40"));
        assertThat(result.output()).contains("rolling back to v40");
    }

    @Test
    void theOldNoBuildRedeployIsARollbackNowAndNeverRebuildsUnderAnOldTag() throws Exception {
        var result = run(
                "deploy.sh", Map.of("STUB_STACK_EXISTS", "1", "STUB_IMAGE_TAGS", "v40"), "--no-build", "--tag", "v40");
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.calls()).noneMatch(c -> c.startsWith("docker "));
        assertThat(single(result.calls(), "sam deploy")).contains("@sha256:" + sha256("v40"));
    }

    @Test
    void aRollbackToATagEcrDoesNotHoldStopsBeforeTheStack() throws Exception {
        var result = run("deploy.sh", Map.of("STUB_STACK_EXISTS", "1", "STUB_IMAGE_TAGS", "v40"), "--rollback", "v39");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("ECR has no image tagged v39");
        assertThat(result.calls()).noneMatch(c -> c.startsWith("docker ") || c.startsWith("sam deploy"));
    }

    @Test
    void aRedeployOfACommitAlreadyPushedReusesItsImage() throws Exception {
        var result = run("deploy.sh", Map.of("STUB_STACK_EXISTS", "1", "STUB_IMAGE_TAGS", "v44"), "--tag", "v44");
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.calls()).noneMatch(c -> c.startsWith("docker "));
        assertThat(single(result.calls(), "sam deploy")).contains("@sha256:" + sha256("v44"));
    }

    @Test
    void aLegacyModelStopsTheDeployBeforeAnythingIsBuiltAndNamesTheReplacements() throws Exception {
        var result = run(
                "deploy.sh",
                Map.of("STUB_MODEL_STATUS", "LEGACY", "STUB_MODEL_EOL", "2099-03-10T00:00:00+00:00"),
                "--tag",
                "v45");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output())
                .contains("deepseek.r1-v1:0 is Legacy")
                .contains("BedrockFoundationModelId")
                .contains("deepseek.v3-v1:0");
        assertThat(result.calls()).noneMatch(c -> c.startsWith("docker ") || c.startsWith("sam deploy"));

        Files.writeString(log, "");
        var anyway = run(
                "deploy.sh",
                Map.of("STUB_MODEL_STATUS", "LEGACY", "STUB_MODEL_EOL", "2099-03-10T00:00:00+00:00"),
                "--tag",
                "v45",
                "--allow-legacy-model");
        assertThat(anyway.exit()).as(anyway.output()).isZero();
        assertThat(anyway.output()).contains("deploying anyway");
    }

    @Test
    void aModelPastItsEndOfLifeStopsTheDeploy() throws Exception {
        var result = run("deploy.sh", Map.of("STUB_MODEL_EOL", "2026-03-10T00:00:00+00:00"), "--tag", "v46");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("reached its end of life on 2026-03-10");
        assertThat(result.calls()).noneMatch(c -> c.startsWith("docker ") || c.startsWith("sam deploy"));
    }

    @Test
    void aRegionWithoutAnInferenceProfileForTheModelIsRefusedAtDeployTime() throws Exception {
        var result = run(
                "deploy.sh", Map.of("STUB_NO_PROFILE_REGION", "eu-north-1"), "--region", "eu-north-1", "--tag", "v47");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("eu-north-1 has no inference profile for deepseek.r1-v1:0");
        assertThat(result.calls()).noneMatch(c -> c.startsWith("docker ") || c.startsWith("sam deploy"));
        // no profile id is ever built from a prefix
        assertThat(result.calls()).noneMatch(c -> c.contains("eu.deepseek"));
    }

    @Test
    void anAccountWithoutAccessToTheModelIsToldBeforeTheDeploy() throws Exception {
        var result = run("deploy.sh", Map.of("STUB_MODEL_ACCESS", "0"), "--tag", "v48");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("cannot call us.deepseek.r1-v1:0").contains("Model access");
        assertThat(result.calls()).noneMatch(c -> c.startsWith("sam deploy"));
    }

    @Test
    void aGeminiModelGoogleNoLongerServesStopsTheDeploy() throws Exception {
        var result =
                run("deploy.sh", Map.of("GEMINI_API_KEY", "AIza-deploy-test", "PATH_CURL_CODE", "404"), "--tag", "v49");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output())
                .contains("no longer serves gemini-2.5-flash-lite")
                .contains("GeminiModel");
        assertThat(result.output()).doesNotContain("AIza-deploy-test");
    }

    private static String sha256(String text) throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }

    @Test
    void setupCreatesWhatIsMissingAndUpdatesWhatIsThereKeepingIamsFiveVersions() throws Exception {
        var first = run(
                "setup-iam.sh",
                Map.of("STUB_REPO_EXISTS", "0", "STUB_POLICY_EXISTS", "0"),
                "--attach-user",
                "deployer");
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(single(first.calls(), "aws ecr create-repository"))
                .contains("--repository-name sorot-ai-lambda")
                .contains("scanOnPush=true");
        var policy = single(first.calls(), "aws iam create-policy ");
        assertThat(policy).contains("--policy-name SorotAIDeployPolicy");
        assertThat(single(first.calls(), "aws iam attach-user-policy"))
                .contains("--user-name deployer")
                .contains("arn:aws:iam::123456789012:policy/SorotAIDeployPolicy");
        assertThat(first.output()).contains("inference profile us.deepseek.r1-v1:0: available");
        assertThat(single(first.calls(), "aws ecr create-repository")).contains("--image-tag-mutability IMMUTABLE");
        assertThat(single(first.calls(), "aws ecr put-image-tag-mutability"))
                .contains("--image-tag-mutability IMMUTABLE");

        Files.writeString(log, "");
        var again = run("setup-iam.sh", Map.of("STUB_REPO_EXISTS", "1", "STUB_POLICY_EXISTS", "1"));
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.calls())
                .noneMatch(c -> c.startsWith("aws ecr create-repository") || c.startsWith("aws iam create-policy "));
        assertThat(single(again.calls(), "aws iam delete-policy-version")).contains("--version-id v2");
        assertThat(single(again.calls(), "aws iam create-policy-version")).contains("--set-as-default");
    }

    @Test
    void theDeployersPolicyIsValidJsonScopedToTheStack() throws Exception {
        run("setup-iam.sh", Map.of("STUB_POLICY_EXISTS", "0"));
        var call = single(Files.readAllLines(log), "aws iam create-policy ");
        var json = call.substring(
                call.indexOf("--policy-document ") + "--policy-document ".length(), call.indexOf(" --description"));
        var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(document.path("Statement").size()).isGreaterThan(10);
        assertThat(json)
                .contains("arn:aws:cloudformation:us-east-1:123456789012:stack/sorot-ai-stack/*")
                .contains("arn:aws:ecr:us-east-1:123456789012:repository/sorot-ai-lambda")
                .contains("arn:aws:iam::123456789012:role/sorot-ai-stack-*")
                .doesNotContain("\"Action\": \"*\"")
                .doesNotContain("lambda:*")
                .contains("cloudwatch:TagResource")
                .contains("bedrock:ListInferenceProfiles")
                .contains("ecr:PutImageTagMutability")
                .contains("arn:aws:cognito-idp:us-east-1:123456789012:userpool/*");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (var file : files.toList()) {
                var target = to.resolve(file.getFileName());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
