package ai.sorot.desktop.intake;

/** How a screenplay reaches the API: PDF bytes, or Fountain text. */
public enum ScriptFormat { PDF, FOUNTAIN }
