package ai.sorot.desktop.report;

import ai.sorot.desktop.pdf.PageViewer;
import ai.sorot.desktop.player.AudioPlayerView;
import ai.sorot.desktop.ui.Page;

/**
 * The report page: the report, its audio summary, and the script's pages it opens over the
 * window. Leaving it stops the audio and closes the pages.
 */
public record ReportPage(ReportView view, AudioPlayerView player, PageViewer pageViewer) implements Page {

    @Override
    public void hidden() {
        player.pause();
        pageViewer.close();
    }
}
