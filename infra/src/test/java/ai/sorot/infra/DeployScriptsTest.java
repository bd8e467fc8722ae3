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
        Files.createDirectories(repo.resolve("lambda/target/lib"));
        Files.writeString(repo.resolve("lambda/target/sorot-lambda.jar"), "a jar");
        Files.copy(Path.of("..", "lambda", "Dockerfile"), repo.resolve("lambda/Dockerfile"));
        bin = Files.createDirectories(dir.resolve("bin"));
        for (var tool : List.of("aws", "sam", "docker")) {
            var target = bin.resolve(tool);
            Files.copy(Path.of("src", "test", "resources", "stubs", tool), target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        log = dir.resolve("calls.log");
        Files.writeString(log, "");
    }

    private record Run(int exit, String output, List<String> calls) {}

    private Run run(String script, Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<>(List.of("bash", repo.resolve("infra/scripts").resolve(script).toString()));
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
        assertThat(matching).as("one call starting with '" + prefix + "' in " + calls).hasSize(1);
        return matching.getFirst();
    }

    @Test
    void theFirstDeployBuildsPushesByDigestGeneratesATokenAndDeploysTheStackWithSam() throws Exception {
        var env = new HashMap<String, String>();
        env.put("GEMINI_API_KEY", "AIza-deploy-test");
        var result = run("deploy.sh", env, "--no-build", "--tag", "v42");
        assertThat(result.exit()).as(result.output()).isZero();
        var calls = result.calls();
        assertThat(single(calls, "docker build")).isEqualTo(
                "docker build --platform linux/amd64 --provenance=false -f lambda/Dockerfile -t sorot-ai-lambda:v42 lambda");
        assertThat(single(calls, "docker push")).isEqualTo("docker push " + REGISTRY + "/sorot-ai-lambda:v42");
        assertThat(single(calls, "docker login")).contains("--username AWS --password-stdin " + REGISTRY);
        assertThat(single(calls, "sam validate")).contains("--template-file infra/template.yaml").contains("--lint");
        var deploy = single(calls, "sam deploy");
        assertThat(deploy).contains("--stack-name sorot-ai-stack").contains("--region us-east-1")
                .contains("--capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM")
                .contains("ImageUri=" + REGISTRY + "/sorot-ai-lambda@" + DIGEST)
                .contains("GeminiApiKey=AIza-deploy-test").contains("ApiTokens=")
                .contains("--image-repository " + REGISTRY + "/sorot-ai-lambda").contains("--no-confirm-changeset");
        // the push comes before the deploy, the image is in ECR when the stack asks for it
        assertThat(calls.indexOf(single(calls, "docker push"))).isLessThan(calls.indexOf(deploy));
        // a token was generated for the first deploy and kept, private, in .env
        var dotenv = repo.resolve(".env");
        assertThat(Files.readString(dotenv)).containsPattern("SOROT_API_TOKENS=[0-9a-f]{48}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dotenv))).isEqualTo("rw-------");
        var token = Files.readString(dotenv).replaceAll("(?s).*SOROT_API_TOKENS=([0-9a-f]{48}).*", "$1");
        assertThat(deploy).contains("ApiTokens=" + token);
        assertThat(result.output()).contains("https://k7c2q9x1ab.execute-api.us-east-1.amazonaws.com").contains("smoke-test.sh");
    }

    @Test
    void aLaterDeployKeepsTheStoredSecretsAndCanGoThroughCloudFormationAlone() throws Exception {
        var result = run("deploy.sh", Map.of("STUB_STACK_EXISTS", "1", "AWS_REGION", "us-east-1"), "--no-build", "--tag", "v43",
                "--cloudformation");
        assertThat(result.exit()).as(result.output()).isZero();
        var deploy = single(result.calls(), "aws cloudformation deploy");
        assertThat(deploy).contains("--stack-name sorot-ai-stack").contains("CAPABILITY_AUTO_EXPAND")
                .contains("ImageUri=" + REGISTRY + "/sorot-ai-lambda@" + DIGEST)
                .doesNotContain("ApiTokens=").doesNotContain("GeminiApiKey=");
        assertThat(result.calls()).noneMatch(c -> c.startsWith("sam "));
        assertThat(repo.resolve(".env")).doesNotExist();
    }

    @Test
    void withoutTheArtefactDeployStopsBeforeTouchingTheAccount() throws Exception {
        Files.delete(repo.resolve("lambda/target/sorot-lambda.jar"));
        var result = run("deploy.sh", Map.of(), "--no-build");
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("sorot-lambda.jar is missing");
        assertThat(result.calls()).noneMatch(c -> c.startsWith("docker push") || c.startsWith("sam deploy"));
    }

    @Test
    void setupCreatesWhatIsMissingAndUpdatesWhatIsThereKeepingIamsFiveVersions() throws Exception {
        var first = run("setup-iam.sh", Map.of("STUB_REPO_EXISTS", "0", "STUB_POLICY_EXISTS", "0"), "--attach-user", "deployer");
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(single(first.calls(), "aws ecr create-repository")).contains("--repository-name sorot-ai-lambda")
                .contains("scanOnPush=true");
        var policy = single(first.calls(), "aws iam create-policy ");
        assertThat(policy).contains("--policy-name SorotAIDeployPolicy");
        assertThat(single(first.calls(), "aws iam attach-user-policy")).contains("--user-name deployer")
                .contains("arn:aws:iam::123456789012:policy/SorotAIDeployPolicy");
        assertThat(first.output()).contains("inference profile us.deepseek.r1-v1:0: available");

        Files.writeString(log, "");
        var again = run("setup-iam.sh", Map.of("STUB_REPO_EXISTS", "1", "STUB_POLICY_EXISTS", "1"));
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.calls()).noneMatch(c -> c.startsWith("aws ecr create-repository") || c.startsWith("aws iam create-policy "));
        assertThat(single(again.calls(), "aws iam delete-policy-version")).contains("--version-id v2");
        assertThat(single(again.calls(), "aws iam create-policy-version")).contains("--set-as-default");
    }

    @Test
    void theDeployersPolicyIsValidJsonScopedToTheStack() throws Exception {
        run("setup-iam.sh", Map.of("STUB_POLICY_EXISTS", "0"));
        var call = single(Files.readAllLines(log), "aws iam create-policy ");
        var json = call.substring(call.indexOf("--policy-document ") + "--policy-document ".length(), call.indexOf(" --description"));
        var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(document.path("Statement").size()).isGreaterThan(10);
        assertThat(json).contains("arn:aws:cloudformation:us-east-1:123456789012:stack/sorot-ai-stack/*")
                .contains("arn:aws:ecr:us-east-1:123456789012:repository/sorot-ai-lambda")
                .contains("arn:aws:iam::123456789012:role/sorot-ai-stack-*")
                .doesNotContain("\"Action\": \"*\"").doesNotContain("lambda:*");
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
