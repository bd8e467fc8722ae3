package ai.sorot.desktop.report;

import ai.sorot.model.report.Provenance;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the report's badge says about who read the script: no model (Sorot's own measures), a
 * private model (on this computer or a festival host: "qwen3:14b via Ollama, on this computer"),
 * or cloud models. A model on this computer is offline (nothing left the machine) but is still a
 * model: the badge never calls its coverage Sorot's own measures, and a coverage no model wrote
 * is said as such even when a cloud model watched the trailer.
 */
public record ProvenanceBadge(String text, String style) {

    static final ProvenanceBadge NO_MODEL = new ProvenanceBadge("No model · Sorot's own measures", "offline");

    /** {@code coverage}: the coverage's provenance, null when there is no coverage. */
    public static ProvenanceBadge of(List<Provenance> sources, Provenance coverage) {
        if (coverage != null && !coverage.modelRead()) {
            return NO_MODEL;
        }
        var models = new LinkedHashSet<String>();
        sources.stream().filter(Provenance::modelRead).map(Provenance::label).forEach(models::add);
        if (models.isEmpty()) {
            return NO_MODEL;
        }
        boolean cloud = sources.stream().anyMatch(p -> p.place() == Provenance.Place.CLOUD);
        return cloud
                ? new ProvenanceBadge("Cloud models · " + String.join(", ", models), "cloud")
                : new ProvenanceBadge("Private model · " + String.join(", ", models), "local");
    }
}
