package ai.sorot.lambda.aws.cloud;

import ai.sorot.lambda.api.RunningBackend;
import ai.sorot.lambda.aws.AnalystChoice;
import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.observe.CloudLogging;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.OfflineAnalysts;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses and builds the backend from the environment, once per process: the composition root
 * of the Lambda handler. {@code SOROT_MODE=local} (the default) runs everything in this process
 * with the analysts the environment names (offline when none) and the SQLite store in the Sorot home ({@code /tmp/sorot} inside a
 * Lambda sandbox, the only writable place there). {@code SOROT_MODE=cloud} (what the SAM template
 * sets) keeps jobs in DynamoDB, files in S3 and work on SQS ({@link CloudBackend}).
 */
public final class BackendConfig {

    private BackendConfig() {}

    public static RunningBackend fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static RunningBackend fromEnvironment(Map<String, String> env) {
        var mode = env.getOrDefault("SOROT_MODE", "local").strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "local" -> {
                var chosen =
                        AnalystChoice.fromEnvironment(env, () -> OfflineAnalysts.withVoice(env.get("SOROT_NARRATOR")));
                var options = LocalBackend.Options.defaults(home(env));
                yield LocalBackend.open(
                        options.withAnalysts(chosen.analysts()).withBudgets(chosen.budgets(options.budgets())));
            }
            case "cloud" -> {
                if (env.containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
                    CloudLogging.install(System.out); // JSON lines for CloudWatch, before anything logs
                }
                yield CloudBackend.open(CloudConfig.from(env));
            }
            default -> throw new IllegalStateException("SOROT_MODE=" + mode + " is not known (local or cloud).");
        };
    }

    private static SorotHome home(Map<String, String> env) {
        boolean inLambda = env.containsKey("AWS_LAMBDA_FUNCTION_NAME");
        if (inLambda && !env.containsKey("SOROT_HOME")) {
            return new SorotHome(Path.of("/tmp/sorot"));
        }
        return SorotHome.fromEnvironment(env);
    }
}
