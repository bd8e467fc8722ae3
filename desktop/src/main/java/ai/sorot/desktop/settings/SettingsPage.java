package ai.sorot.desktop.settings;

import ai.sorot.desktop.ui.Page;

/** The settings page: its form and the model behind it. */
public record SettingsPage(SettingsViewModel model, SettingsView view) implements Page {}
