package ai.sorot.model.report;

/** The reader's verdict, in the words coverage has always used. */
public enum Recommendation {
    RECOMMEND,
    CONSIDER,
    PASS
}
