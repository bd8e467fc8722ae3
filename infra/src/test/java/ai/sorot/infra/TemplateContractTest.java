package ai.sorot.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.lambda.api.ApiLimits;
import ai.sorot.lambda.api.ApiRouter;
import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.state.DynamoJobStore;
import ai.sorot.lambda.aws.worker.WorkerHandler;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.pipeline.StepBudgets;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds {@code infra/template.yaml} to the code it deploys: the routes the router serves, the
 * handlers, the settings the code reads, the budgets the steps run under, and least privilege.
 * (CloudFormation's short tags such as {@code !Ref X} read here as the plain value {@code X}.)
 */
class TemplateContractTest {

    static JsonNode template;
    static JsonNode resources;

    @BeforeAll
    static void read() throws IOException {
        template = new YAMLMapper().readTree(Path.of("template.yaml").toFile());
        resources = template.path("Resources");
    }

    private static JsonNode props(String logicalId) {
        var resource = resources.path(logicalId);
        assertThat(resource.isMissingNode()).as("resource " + logicalId).isFalse();
        return resource.path("Properties");
    }

    private static List<JsonNode> list(JsonNode node) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).toList();
        }
        return node.isMissingNode() || node.isNull() ? List.of() : List.of(node);
    }

    // ---- routes and handlers ------------------------------------------------------------------

    private static Map<String, JsonNode> httpEvents() {
        var events = new HashMap<String, JsonNode>();
        props("ApiFunction").path("Events").properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals("HttpApi")) {
                var p = e.getValue().path("Properties");
                events.put(
                        p.path("Method").asText().toUpperCase() + " "
                                + p.path("Path").asText(),
                        p);
            }
        });
        return events;
    }

    @Test
    void everyRouteTheHandlerServesIsInTheTemplateAndNothingElse() {
        var events = httpEvents();
        assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(ApiRouter.ROUTES);
        assertThat(events.values()).allSatisfy(p -> {
            assertThat(p.path("ApiId").asText()).isEqualTo("SorotApi");
            assertThat(p.path("PayloadFormatVersion").asText()).isEqualTo("2.0");
        });
    }

    @Test
    void everyRouteOfTheTemplateIsReallyServedByTheRouter(@TempDir Path home) {
        try (var backend = LocalBackend.open(
                LocalBackend.Options.defaults(new SorotHome(home)).withWorkers(0))) {
            var router = new ApiRouter(backend.backend());
            var token = backend.token().token();
            for (var route : httpEvents().keySet()) {
                var method = route.substring(0, route.indexOf(' '));
                var path = route.substring(route.indexOf(' ') + 1)
                        .replace("{id}", "analysis-1795917600000-abcdef12")
                        .replace("{aid}", "analysis-1795917600000-abcdef12")
                        .replace("{memberId}", "me");
                var response = router.handle(event(method, path, token));
                assertThat(response.getStatusCode()).as(route).isNotEqualTo(405);
                assertThat(response.getBody()).as(route).doesNotContain("No route");
            }
            assertThat(router.handle(event("GET", "/not-a-route", token)).getBody())
                    .contains("No route");
        }
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String token) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(path)
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withHeaders(Map.of("authorization", "Bearer " + token))
                .withQueryStringParameters(Map.of("id", "analysis-1795917600000-abcdef12"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(http)
                        .build())
                .build();
    }

    @Test
    void eachFunctionsHandlerIsARequestHandlerTheRuntimeCanBuild() throws Exception {
        for (var function : List.of("ApiFunction", "WorkerFunction", "DeadLetterFunction")) {
            var props = props(function);
            assertThat(props.path("PackageType").asText()).isEqualTo("Image");
            assertThat(props.path("ImageUri").asText()).isEqualTo("ImageUri");
            var handler = props.path("ImageConfig").path("Command").path(0).asText();
            assertThat(handler).contains("::handleRequest");
            var type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(RequestHandler.class).isAssignableFrom(type);
            assertThat(type.getConstructor()).isNotNull(); // the runtime builds it with no arguments
        }
        // both start from the Dockerfile's entry point; its default command is the API's handler
        var dockerfile = Files.readString(Path.of("..", "lambda", "cloud", "Dockerfile"));
        assertThat(dockerfile)
                .contains("FROM public.ecr.aws/lambda/java:21")
                .contains("CMD [\""
                        + props("ApiFunction")
                                .path("ImageConfig")
                                .path("Command")
                                .path(0)
                                .asText() + "\"]");
    }

    @Test
    void samBuildBuildsEachImageFunctionFromTheRepositorysDockerfile() throws Exception {
        var tags = new java.util.HashSet<String>();
        for (var function : List.of("ApiFunction", "WorkerFunction", "DeadLetterFunction")) {
            var metadata = template.path("Resources").path(function).path("Metadata");
            assertThat(metadata.path("DockerContext").asText()).as(function).isEqualTo("..");
            assertThat(metadata.path("Dockerfile").asText()).as(function).isEqualTo("lambda/cloud/Dockerfile");
            assertThat(Path.of(
                            metadata.path("DockerContext").asText(),
                            metadata.path("Dockerfile").asText()))
                    .exists();
            tags.add(metadata.path("DockerTag").asText());
        }
        assertThat(tags)
                .as("SAM builds only the first of functions with identical metadata")
                .hasSize(3);
        // the image builds from a clean clone: Maven runs inside, nothing is copied from a prior build
        var dockerfile = Files.readString(Path.of("..", "lambda", "cloud", "Dockerfile"));
        assertThat(dockerfile)
                .contains("AS build")
                .contains("mvn -B -ntp -q -pl lambda/cloud -am")
                .contains("COPY --from=build /src/lambda/cloud/target/sorot-lambda.jar")
                .doesNotContain("COPY target/");
        assertThat(template.path("Parameters").path("ImageUri").path("Default").asText("missing"))
                .isEmpty();
    }

    @Test
    void theJwtSettingsReachTheApiFunctionAndWithoutAnIssuerTheStackIsAsBefore() {
        var parameters = template.path("Parameters");
        assertThat(parameters.path("JwtIssuer").path("Default").asText("missing"))
                .isEmpty();
        assertThat(parameters.path("JwtAudience").path("Default").asText("missing"))
                .isEmpty();
        assertThat(parameters.path("CreateUserPool").path("Default").asText()).isEqualTo("false");
        var variables = props("ApiFunction").path("Environment").path("Variables");
        assertThat(variables.path("SOROT_JWT_ISSUER").toString())
                .contains("CreatePool")
                .contains("JwtIssuer")
                .contains("AWS::NoValue")
                .contains("cognito-idp");
        assertThat(variables.path("SOROT_JWT_AUDIENCE").toString())
                .contains("UserPoolClient")
                .contains("JwtAudience")
                .contains("AWS::NoValue");
        // the sign-in resources exist only when asked for; the routes keep no authorizer either way, so
        // an API token still reaches the handler
        assertThat(resources.path("UserPool").path("Condition").asText()).isEqualTo("CreatePool");
        assertThat(resources.path("UserPoolClient").path("Condition").asText()).isEqualTo("CreatePool");
        assertThat(props("SorotApi").has("Auth")).isFalse();
        assertThat(httpEvents().values()).noneMatch(p -> p.has("Auth"));
    }

    @Test
    void cutOffModelAnswersRaiseAnAlarmOnTheMetricTheWorkerEmits() {
        var alarm = props("ModelCutOffAlarm");
        assertThat(alarm.path("Namespace").asText()).isEqualTo("Sorot");
        assertThat(alarm.path("MetricName").asText()).isEqualTo("ModelCutOff");
        assertThat(alarm.path("Dimensions").path(0).path("Value").asText()).isEqualTo("max_tokens");
        assertThat(template.path("Resources")
                        .path("OverviewDashboard")
                        .path("Type")
                        .asText())
                .isEqualTo("AWS::CloudWatch::Dashboard");
    }

    @Test
    void corsIsTheSeedDeploymentsOwnPlusTheCommitteesPutAndDelete() {
        var cors = props("SorotApi").path("CorsConfiguration");
        assertThat(cors.path("AllowCredentials").asBoolean(true)).isFalse();
        assertThat(list(cors.path("AllowOrigins"))).extracting(JsonNode::asText).containsExactly("*");
        assertThat(list(cors.path("AllowMethods")))
                .extracting(JsonNode::asText)
                .containsExactly("POST", "GET", "PUT", "DELETE", "OPTIONS");
        assertThat(list(cors.path("AllowHeaders")))
                .extracting(JsonNode::asText)
                .containsExactly("Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token");
    }

    // ---- budgets ----------------------------------------------------------------------------------

    @Test
    void theApiAnswersWithinTheHttpApisThirtySecondsAndTheWorkerFitsEveryStage() {
        var api = props("ApiFunction");
        assertThat(api.path("Timeout").asInt()).isBetween(3, 29);
        assertThat(httpEvents().values())
                .allSatisfy(p -> assertThat(p.path("TimeoutInMillis").asInt())
                        .isBetween(api.path("Timeout").asInt() * 1000, 30_000));

        var worker = props("WorkerFunction");
        int workerTimeout = worker.path("Timeout").asInt();
        assertThat(workerTimeout)
                .isLessThanOrEqualTo(900) // Lambda's maximum
                .isGreaterThanOrEqualTo(
                        (int) WorkerHandler.minimumTimeout(StepBudgets.DEFAULT).toSeconds());

        var queue = props("WorkQueue");
        // at least the worker's timeout (Lambda refuses an SQS event source whose queue hides a message
        // for less), and little more: a crashed delivery comes back within minutes, not hours
        assertThat(queue.path("VisibilityTimeout").asInt())
                .as("the worker's timeout, and at most two minutes more")
                .isBetween(workerTimeout, workerTimeout + 120);
        int maxReceives = queue.path("RedrivePolicy").path("maxReceiveCount").asInt();
        assertThat(maxReceives * queue.path("VisibilityTimeout").asInt())
                .as("a job failing every delivery is given up within 90 minutes")
                .isLessThanOrEqualTo(90 * 60);
        var redrive = queue.path("RedrivePolicy");
        assertThat(redrive.path("deadLetterTargetArn").asText()).isEqualTo("WorkDeadLetterQueue.Arn");
        assertThat(redrive.path("maxReceiveCount").asInt()).isBetween(2, 10);
        assertThat(props("WorkDeadLetterQueue").path("MessageRetentionPeriod").asInt())
                .isGreaterThan(queue.path("MessageRetentionPeriod").asInt());

        var sqs = worker.path("Events").path("Work");
        assertThat(sqs.path("Type").asText()).isEqualTo("SQS");
        assertThat(sqs.path("Properties").path("Queue").asText()).isEqualTo("WorkQueue.Arn");
        assertThat(sqs.path("Properties").path("BatchSize").asInt() == 1
                        || list(sqs.path("Properties").path("FunctionResponseTypes")).stream()
                                .anyMatch(n -> n.asText().equals("ReportBatchItemFailures")))
                .isTrue();

        // a dead letter is consumed (its analysis marked failed), within the queue's visibility rule too
        var deadLetters = props("DeadLetterFunction");
        var dlqEvent = deadLetters.path("Events").path("DeadLetters").path("Properties");
        assertThat(dlqEvent.path("Queue").asText()).isEqualTo("WorkDeadLetterQueue.Arn");
        assertThat(props("WorkDeadLetterQueue").path("VisibilityTimeout").asInt())
                .as("six times the dead-letter function's timeout")
                .isGreaterThanOrEqualTo(6 * deadLetters.path("Timeout").asInt());
    }

    @Test
    void memoryHoldsTheLargestUploadTheFunctionsReadWhole() {
        long upload = ApiLimits.DEFAULT.uploadMaxBytes();
        // the entry point gives the heap three quarters of the function's memory
        long apiHeap = props("ApiFunction").path("MemorySize").asLong() * 3 / 4 * 1024 * 1024;
        long workerHeap = props("WorkerFunction").path("MemorySize").asLong() * 3 / 4 * 1024 * 1024;
        // the API reads an upload whole to hash and store it: the bytes, their copy and the digest's buffers
        assertThat(apiHeap).isGreaterThanOrEqualTo(3 * upload);
        // the worker holds the PDF, PDFBox's parse of it and the step outputs
        assertThat(workerHeap).isGreaterThanOrEqualTo(4 * upload);
    }

    // ---- least privilege ------------------------------------------------------------------------

    /** Actions that name no resource of ours, where a condition is the narrowing IAM offers. */
    static final Set<String> NO_RESOURCE_LEVEL = Set.of("polly:SynthesizeSpeech");

    private static List<JsonNode> statements(String role) {
        var out = new ArrayList<JsonNode>();
        for (var policy : list(props(role).path("Policies"))) {
            out.addAll(list(policy.path("PolicyDocument").path("Statement")));
        }
        return out;
    }

    private static Set<String> actions(List<JsonNode> statements) {
        var out = new LinkedHashSet<String>();
        statements.forEach(s -> list(s.path("Action")).forEach(a -> out.add(a.asText())));
        return out;
    }

    @Test
    void noStatementGrantsEverythingWhereSomethingNarrowerExists() {
        for (var role : List.of("ApiRole", "WorkerRole", "DeadLetterRole")) {
            assertThat(props(role).has("ManagedPolicyArns"))
                    .as(role + " uses no broad managed policy")
                    .isFalse();
            for (var statement : statements(role)) {
                var sid = role + "/" + statement.path("Sid").asText();
                assertThat(statement.path("Effect").asText()).as(sid).isEqualTo("Allow");
                assertThat(statement.has("NotAction") || statement.has("NotResource"))
                        .as(sid)
                        .isFalse();
                var actions = list(statement.path("Action")).stream()
                        .map(JsonNode::asText)
                        .toList();
                assertThat(actions).as(sid).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
                var resources = list(statement.path("Resource")).stream()
                        .map(JsonNode::asText)
                        .toList();
                assertThat(resources).as(sid).isNotEmpty();
                if (resources.contains("*")) {
                    assertThat(NO_RESOURCE_LEVEL)
                            .as(sid + " grants * only for actions without resource-level permissions")
                            .containsAll(actions);
                    assertThat(statement.has("Condition"))
                            .as(sid + " narrows * with a condition")
                            .isTrue();
                }
                for (var resource : resources) {
                    if (resource.contains(":*:") || resource.contains(":bedrock:*")) {
                        assertThat(statement
                                        .path("Condition")
                                        .path("StringEquals")
                                        .has("bedrock:InferenceProfileArn"))
                                .as(sid + ": an open region is closed again by the inference profile")
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void eachFunctionMayDoOnlyWhatItsCodeDoes() {
        var api = actions(statements("ApiRole"));
        var worker = actions(statements("WorkerRole"));
        assertThat(api)
                .doesNotContain(
                        "bedrock:InvokeModel", "polly:SynthesizeSpeech", "sqs:ReceiveMessage", "sqs:DeleteMessage");
        assertThat(api)
                .contains(
                        "sqs:SendMessage",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "s3:PutObject",
                        "secretsmanager:GetSecretValue");
        assertThat(worker)
                .contains(
                        "bedrock:InvokeModel",
                        "bedrock:GetFoundationModel",
                        "polly:SynthesizeSpeech",
                        "sqs:ReceiveMessage",
                        "sqs:DeleteMessage",
                        "sqs:SendMessage",
                        "dynamodb:UpdateItem",
                        "s3:GetObject",
                        "s3:PutObject",
                        "secretsmanager:GetSecretValue");
        assertThat(worker).doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "s3:DeleteObject");
        // the dead-letter function reads and fails a job, nothing more
        assertThat(actions(statements("DeadLetterRole")))
                .containsExactlyInAnyOrder(
                        "logs:CreateLogStream",
                        "logs:PutLogEvents",
                        "dynamodb:GetItem",
                        "dynamodb:UpdateItem",
                        "sqs:ReceiveMessage",
                        "sqs:DeleteMessage",
                        "sqs:GetQueueAttributes",
                        "sqs:ChangeMessageVisibility");
        var bedrock = statements("WorkerRole").stream()
                .filter(s ->
                        list(s.path("Action")).stream().anyMatch(a -> a.asText().startsWith("bedrock:")))
                .toList();
        assertThat(bedrock)
                .allSatisfy(s -> assertThat(s.path("Resource").asText())
                        .containsAnyOf(
                                "inference-profile/${BedrockModelId}", "foundation-model/${BedrockFoundationModelId}"));
    }

    // ---- settings and secrets -----------------------------------------------------------------------

    @Test
    void theFunctionsEnvironmentIsWhatTheCodeReadsAndHoldsNoSecret() {
        var variables =
                template.path("Globals").path("Function").path("Environment").path("Variables");
        var env = new HashMap<String, String>();
        variables
                .properties()
                .forEach(e -> env.put(e.getKey(), "value-of-" + e.getValue().asText()));
        assertThat(env.keySet())
                .containsExactlyInAnyOrder(
                        "SOROT_MODE",
                        "SOROT_TABLE",
                        "SOROT_COMMITTEE_TABLE",
                        "SOROT_BUCKET",
                        "SOROT_QUEUE_URL",
                        "SOROT_SECRET_ARN",
                        CloudConfig.BEDROCK_MODEL_SETTING,
                        CloudConfig.GEMINI_MODEL_SETTING,
                        CloudConfig.POLLY_VOICE_SETTING,
                        "SOROT_RETENTION_DAYS");
        assertThat(variables.path("SOROT_MODE").asText()).isEqualTo("cloud");
        env.put("SOROT_RETENTION_DAYS", "90");
        var config = CloudConfig.from(env);
        assertThat(config.table()).isEqualTo("value-of-JobsTable");
        assertThat(config.committeeTable()).isEqualTo("value-of-CommitteeTable");
        assertThat(config.bucket()).isEqualTo("value-of-FilesBucket");
        assertThat(config.queueUrl()).isEqualTo("value-of-WorkQueue");
        assertThat(config.secretArn()).isEqualTo("value-of-SorotSecret");
        assertThat(config.bedrockModelId()).isEqualTo("value-of-BedrockModelId");
        assertThat(config.geminiModel()).isEqualTo("value-of-GeminiModel");
        assertThat(config.pollyVoice()).isEqualTo("value-of-PollyVoice");

        // the seed put GEMINI_API_KEY in plain environment variables; here both secrets stay in Secrets Manager
        for (var secret : List.of("GeminiApiKey", "ApiTokens")) {
            assertThat(template.path("Parameters").path(secret).path("NoEcho").asBoolean())
                    .as(secret)
                    .isTrue();
            assertThat(variables.toString()).doesNotContain(secret);
            assertThat(props("SorotSecret").path("SecretString").asText()).contains("${" + secret + "}");
        }
        assertThat(template.path("Parameters")
                        .path("BedrockModelId")
                        .path("Default")
                        .asText())
                .isEqualTo(CloudConfig.defaultBedrockModel("us-east-1"));
        assertThat(template.path("Parameters")
                        .path("GeminiModel")
                        .path("Default")
                        .asText())
                .isEqualTo(CloudConfig.DEFAULT_GEMINI_MODEL);
    }

    @Test
    void stateIsPrivateEncryptedAndExpiresTogether() {
        var bucket = props("FilesBucket");
        assertThat(bucket.path("BucketEncryption")
                        .path("ServerSideEncryptionConfiguration")
                        .path(0)
                        .path("ServerSideEncryptionByDefault")
                        .path("SSEAlgorithm")
                        .asText())
                .isEqualTo("AES256");
        var block = bucket.path("PublicAccessBlockConfiguration");
        assertThat(List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
                .allSatisfy(flag ->
                        assertThat(block.path(flag).asBoolean()).as(flag).isTrue());
        var rules = list(bucket.path("LifecycleConfiguration").path("Rules"));
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.path("Prefix").asText()).isEqualTo("uploads/");
            assertThat(r.path("ExpirationInDays").asInt()).isEqualTo(1);
        });
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.path("Prefix").asText()).isEqualTo("analyses/");
            assertThat(r.path("ExpirationInDays").asText()).isEqualTo("RetentionDays");
        });
        var table = props("JobsTable");
        assertThat(table.path("TimeToLiveSpecification").path("AttributeName").asText())
                .isEqualTo(DynamoJobStore.TTL_ATTRIBUTE);
        assertThat(table.path("TimeToLiveSpecification").path("Enabled").asBoolean())
                .isTrue();
        assertThat(list(table.path("GlobalSecondaryIndexes")))
                .extracting(i -> i.path("IndexName").asText())
                .containsExactly(DynamoJobStore.LIST_INDEX);
        assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        for (var queue : List.of("WorkQueue", "WorkDeadLetterQueue")) {
            assertThat(props(queue).path("SqsManagedSseEnabled").asBoolean())
                    .as(queue)
                    .isTrue();
        }
    }

    // ---- the seed's names and its troubleshooting lessons -----------------------------------------------

    @Test
    void theSeedsNamesAreKeptAndItsFailuresCannotRecur() throws IOException {
        assertThat(props("ApiFunction").path("FunctionName").asText()).isEqualTo("sorot-ai-analyzer");
        var samconfig = Files.readString(Path.of("samconfig.toml"));
        assertThat(samconfig).contains("stack_name = \"sorot-ai-stack\"").contains("region = \"us-east-1\"");
        // issue 1: the ECR repository lives outside the stack
        resources
                .properties()
                .forEach(e -> assertThat(e.getValue().path("Type").asText())
                        .as(e.getKey())
                        .isNotEqualTo("AWS::ECR::Repository"));
        var deploy = Files.readString(Path.of("scripts", "deploy.sh"));
        assertThat(deploy)
                .contains("REPOSITORY=sorot-ai-lambda")
                .contains("STACK=sorot-ai-stack")
                .contains("--platform linux/amd64")
                .contains("CAPABILITY_IAM CAPABILITY_NAMED_IAM");
        assertThat(list(template.path("Globals").path("Function").path("Architectures")))
                .extracting(JsonNode::asText)
                .containsExactly("x86_64");
        // logs are kept for a while, not forever, and each function writes to its own group
        for (var group : List.of("ApiLogGroup", "WorkerLogGroup", "DeadLetterLogGroup")) {
            assertThat(props(group).path("RetentionInDays").asText()).isEqualTo("LogRetentionDays");
        }
        assertThat(props("ApiFunction").path("LoggingConfig").path("LogGroup").asText())
                .isEqualTo("ApiLogGroup");
        assertThat(props("WorkerFunction")
                        .path("LoggingConfig")
                        .path("LogGroup")
                        .asText())
                .isEqualTo("WorkerLogGroup");
        assertThat(props("DeadLetterFunction")
                        .path("LoggingConfig")
                        .path("LogGroup")
                        .asText())
                .isEqualTo("DeadLetterLogGroup");
        assertThat(template.path("Outputs").path("ApiUrl").path("Value").asText())
                .contains("execute-api");
    }

    @Test
    void cfnLintFindsNothingWhereItIsInstalled() throws Exception {
        var cfnLint = onPath("cfn-lint");
        assumeTrue(cfnLint != null, "cfn-lint is not installed (pip install cfn-lint); the other checks still ran");
        var process = new ProcessBuilder(cfnLint.toString(), "template.yaml")
                .redirectErrorStream(true)
                .start();
        var out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(out).isZero();
    }

    static Path onPath(String tool) {
        var path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (var dir : path.split(java.io.File.pathSeparator)) {
            var candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
