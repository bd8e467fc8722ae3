package ai.sorot.lambda.cli;

import ai.sorot.lambda.aws.AnalystChoice;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.offline.OfflineAnalysts;
import java.util.Map;

/**
 * The {@code ./sorot} commands' choice of analysts, made once at the entry point from the
 * environment ({@code SOROT_ANALYSTS}, AWS credentials, {@code GEMINI_API_KEY}, {@code SOROT_LLM_URL},
 * {@code SOROT_NARRATOR}) and handed to the local backend, which never reads the environment itself.
 */
final class WorkstationAnalysts {

    private WorkstationAnalysts() {}

    static LocalBackend.Options chosenFor(LocalBackend.Options options) {
        return chosenFor(options, System.getenv());
    }

    static LocalBackend.Options chosenFor(LocalBackend.Options options, Map<String, String> env) {
        var chosen = AnalystChoice.fromEnvironment(env, () -> OfflineAnalysts.withVoice(env.get("SOROT_NARRATOR")));
        return options.withAnalysts(chosen.analysts()).withBudgets(chosen.budgets(options.budgets()));
    }
}
