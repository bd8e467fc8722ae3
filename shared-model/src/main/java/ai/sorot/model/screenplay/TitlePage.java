package ai.sorot.model.screenplay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What the cover page says; every field may be missing, and often is. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TitlePage(
        String title,
        List<String> authors,
        String credit,
        String source,
        String draftDate,
        String contact,
        String notes) {

    public static final TitlePage EMPTY = new TitlePage(null, List.of(), null, null, null, null, null);

    public TitlePage {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return title == null
                && authors.isEmpty()
                && credit == null
                && source == null
                && draftDate == null
                && contact == null
                && notes == null;
    }
}
