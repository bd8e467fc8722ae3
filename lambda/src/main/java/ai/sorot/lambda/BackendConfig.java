package ai.sorot.lambda;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses and builds the backend from the environment, once per process: the composition root
 * of the Lambda handler. {@code SOROT_MODE=local} (the default) runs everything in this process
 * with the offline analysers and the SQLite store in the Sorot home ({@code /tmp/sorot} inside a
 * Lambda sandbox, the only writable place there). The cloud mode plugs in the AWS adapters.
 */
public final class BackendConfig {

    private BackendConfig() {}

    public static RunningBackend fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static RunningBackend fromEnvironment(Map<String, String> env) {
        var mode = env.getOrDefault("SOROT_MODE", "local").strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "local" -> LocalBackend.open(LocalBackend.Options.defaults(home(env)));
            default -> throw new IllegalStateException("SOROT_MODE=" + mode + " is not available in this build "
                    + "(known: local). The AWS adapters plug in here.");
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
