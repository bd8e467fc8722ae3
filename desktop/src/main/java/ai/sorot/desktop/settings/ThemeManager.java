package ai.sorot.desktop.settings;

import ai.sorot.desktop.home.Settings;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Light and dark, from AtlantaFX's Primer themes; Sorot's own stylesheet uses only their colour variables. */
public final class ThemeManager {

    private ThemeManager() {}

    public static void apply(Settings.Theme theme) {
        // the theme's binary stylesheet: the same rules, read at start without parsing 165 kB of CSS
        Application.setUserAgentStylesheet(
                theme == Settings.Theme.DARK
                        ? new PrimerDark().getUserAgentStylesheetBSS()
                        : new PrimerLight().getUserAgentStylesheetBSS());
    }
}
