package ai.sorot.desktop.report;

import ai.sorot.model.report.Provenance;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the report's badge says about who read the script: no model at all, a private model (on
 * this computer or a festival host: "qwen3:14b via Ollama, on this computer"), or cloud models.
 * A model on this computer is offline (nothing left the machine) but is still a model: the badge
 * must never call its coverage heuristics.
 */
public record ProvenanceBadge(String text, String style) {

    public static ProvenanceBadge of(List<Provenance> sources) {
        var models = new LinkedHashSet<String>();
        sources.stream().filter(Provenance::modelRead).map(Provenance::label).forEach(models::add);
        if (models.isEmpty()) {
            return new ProvenanceBadge("Offline heuristics · no AI model", "offline");
        }
        boolean cloud = sources.stream().anyMatch(p -> p.place() == Provenance.Place.CLOUD);
        return cloud ? new ProvenanceBadge("Cloud models · " + String.join(", ", models), "cloud")
                : new ProvenanceBadge("Private model · " + String.join(", ", models), "local");
    }
}
