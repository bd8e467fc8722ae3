package ai.sorot.desktop.ui;

import java.nio.file.Path;

/**
 * Hands a file to the operating system: its own player for a summary Sorot cannot play, its file
 * manager to show where the file is. Both block (call them off the FX thread) and say whether the
 * system took the request, so the app can say so when it did not instead of doing nothing visible.
 */
public interface SystemOpener {

    /** Opens {@code file} in the application the system has for it; false when there is none, or it refused. */
    boolean open(Path file);

    /** Shows {@code file} in its folder in the system's file manager; false when that is not possible here. */
    boolean reveal(Path file);
}
