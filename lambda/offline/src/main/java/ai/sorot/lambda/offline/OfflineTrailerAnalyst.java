package ai.sorot.lambda.offline;

import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.TrailerAnalyst;
import ai.sorot.lambda.pipeline.TrailerRequest;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.TrailerAnalysis;
import ai.sorot.model.report.Usage;

/**
 * The offline trailer step: it records what the link itself says (platform, video id) and states
 * plainly that the video was not watched. It makes no network request and invents nothing.
 */
public final class OfflineTrailerAnalyst implements TrailerAnalyst {

    static final Provenance PROVENANCE = new Provenance("link metadata (not analysed offline)", "link-metadata", true);

    @Override
    public Provenance provenance() {
        return PROVENANCE;
    }

    @Override
    public AnalystResult<TrailerAnalysis> analyse(TrailerRequest request) {
        var link = request.link();
        var platform = link.platform().equals("youtube") ? "YouTube" : "Vimeo";
        var note = "Not analysed offline: this is a " + platform + " video (id " + link.videoId() + "). Pacing, tone, "
                + "hook and how the trailer compares with the script need the cloud trailer analyst "
                + "(Gemini 2.5 Flash-Lite), or a programmer watching it.";
        var analysis = new TrailerAnalysis(
                link.url().toString(),
                link.platform(),
                link.videoId(),
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                note,
                PROVENANCE);
        return new AnalystResult<>(analysis, PROVENANCE, Usage.NONE);
    }
}
