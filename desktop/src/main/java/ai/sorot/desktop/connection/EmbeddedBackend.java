package ai.sorot.desktop.connection;

import ai.sorot.desktop.settings.SorotHome;

/**
 * The local backend, started inside the app on a free loopback port with its token. Until the
 * backend's embedded server is merged into this build, opening it fails with that reason, and the
 * banner says so; a deployed API still works.
 */
public final class EmbeddedBackend implements EndpointSource {

    private final SorotHome home;

    public EmbeddedBackend(SorotHome home) {
        this.home = home;
    }

    @Override
    public Endpoint open() {
        throw new IllegalStateException("the embedded server is not part of this build yet (Sorot home " + home.root() + ")");
    }

    @Override
    public String describe() {
        return "Local · offline analysers";
    }

    @Override
    public boolean local() {
        return true;
    }
}
