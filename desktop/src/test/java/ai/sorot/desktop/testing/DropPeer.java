package ai.sorot.desktop.testing;

import com.sun.javafx.tk.TKClipboard;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * The toolkit side of a drag board for a drop coming from another application: what the glass
 * layer fills in from the OS drag (its data and the transfer modes the source allows).
 */
final class DropPeer implements TKClipboard {

    private final Map<DataFormat, Object> values = new LinkedHashMap<>();

    @Override
    public void setSecurityContext(@SuppressWarnings("removal") AccessControlContext context) {}

    @Override
    public Set<DataFormat> getContentTypes() {
        return values.keySet();
    }

    @Override
    @SafeVarargs
    public final boolean putContent(Pair<DataFormat, Object>... content) {
        values.clear();
        for (var pair : content) {
            values.put(pair.getKey(), pair.getValue());
        }
        return true;
    }

    @Override
    public Object getContent(DataFormat format) {
        return values.get(format);
    }

    @Override
    public boolean hasContent(DataFormat format) {
        return values.containsKey(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
        return EnumSet.of(TransferMode.COPY, TransferMode.LINK);
    }

    @Override
    public void setDragView(Image image) {}

    @Override
    public void setDragViewOffsetX(double offsetX) {}

    @Override
    public void setDragViewOffsetY(double offsetY) {}

    @Override
    public Image getDragView() {
        return null;
    }

    @Override
    public double getDragViewOffsetX() {
        return 0;
    }

    @Override
    public double getDragViewOffsetY() {
        return 0;
    }
}
