package ai.sorot.model.report;

import java.util.List;

/** What a programmer needs to slot a film: its length class, its audience, what to warn about. */
public record ProgrammingNotes(String runtimeSlot, String audience, List<Claim> contentFlags) {

    public ProgrammingNotes {
        contentFlags = contentFlags == null ? List.of() : List.copyOf(contentFlags);
    }
}
