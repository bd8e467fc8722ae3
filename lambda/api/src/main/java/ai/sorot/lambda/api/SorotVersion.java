package ai.sorot.lambda.api;

/** The version the build stamped into the jar's manifest, "dev" when run from classes. */
public final class SorotVersion {

    private SorotVersion() {}

    public static String current() {
        var version = SorotVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
