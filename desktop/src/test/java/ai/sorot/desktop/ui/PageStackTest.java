package ai.sorot.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** Pages are built when first shown or asked for, once, below any overlay, and told when they are shown and hidden. */
class PageStackTest {

    private enum Name {
        FIRST,
        SECOND,
        THIRD
    }

    private final List<String> said = new ArrayList<>();

    private Page page(String name) {
        said.add("built " + name);
        var view = new Region();
        view.setId(name);
        return new Page() {
            @Override
            public Node view() {
                return view;
            }

            @Override
            public void shown() {
                said.add("shown " + name);
            }

            @Override
            public void hidden() {
                said.add("hidden " + name);
            }
        };
    }

    @Test
    void aPageIsBuiltTheFirstTimeItIsShownAndOnlyThen() {
        var stack = new PageStack<Name>();
        stack.add(Name.FIRST, () -> page("first"));
        var second = stack.add(Name.SECOND, () -> page("second"));
        assertThat(said).isEmpty();
        assertThat(stack.getChildren()).isEmpty();

        stack.show(Name.FIRST);
        assertThat(said).containsExactly("built first", "shown first");
        assertThat(stack.isBuilt(Name.SECOND)).isFalse();

        stack.show(Name.SECOND);
        stack.show(Name.FIRST);
        assertThat(said)
                .containsExactly(
                        "built first",
                        "shown first",
                        "built second",
                        "hidden first",
                        "shown second",
                        "hidden second",
                        "shown first");
        assertThat(second.get()).isSameAs(second.get());
        assertThat(stack.getChildren()).extracting(Node::getId).containsExactly("first", "second");
        assertThat(stack.getChildren()).extracting(Node::isVisible).containsExactly(true, false);
        assertThat(stack.shownProperty().get()).isEqualTo(Name.FIRST);
    }

    @Test
    void aPageAskedForIsBuiltHiddenAndShowingItAgainDoesNothing() {
        var stack = new PageStack<Name>();
        stack.add(Name.FIRST, () -> page("first"));
        var second = stack.add(Name.SECOND, () -> page("second"));
        stack.show(Name.FIRST);
        assertThat(second.get()).isNotNull(); // asked for, so built, but not shown
        assertThat(stack.getChildren()).extracting(Node::isVisible).containsExactly(true, false);
        stack.show(Name.FIRST);
        assertThat(said).containsExactly("built first", "shown first", "built second");
    }

    @Test
    void pagesBuiltLaterStayInTheirOrderBelowAnOverlay() {
        var stack = new PageStack<Name>();
        stack.add(Name.FIRST, () -> page("first"));
        stack.add(Name.SECOND, () -> page("second"));
        stack.add(Name.THIRD, () -> page("third"));
        var overlay = new Region();
        overlay.setId("overlay");
        stack.getChildren().add(overlay);

        stack.show(Name.THIRD);
        stack.show(Name.FIRST);
        stack.show(Name.SECOND);
        assertThat(stack.getChildren()).extracting(Node::getId).containsExactly("first", "second", "third", "overlay");
    }

    @Test
    void aNameIsRegisteredOnce() {
        var stack = new PageStack<Name>();
        stack.add(Name.FIRST, () -> page("first"));
        assertThatThrownBy(() -> stack.add(Name.FIRST, () -> page("again")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
