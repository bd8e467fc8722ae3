package ai.sorot.desktop.connection;

/**
 * Where an {@link Endpoint} comes from: a deployed API the curator configured, or the embedded
 * local backend, which has to be started first. {@link #open()} blocks; call it off the FX thread.
 */
public interface EndpointSource extends AutoCloseable {

    Endpoint open() throws Exception;

    /** For the status bar: "Local · offline analysers", "Deployed · api.example.org". */
    String describe();

    boolean local();

    @Override
    default void close() {}

    /** A deployed API (or any running one) at a known URL. */
    static EndpointSource remote(Endpoint endpoint) {
        return new EndpointSource() {
            @Override
            public Endpoint open() {
                return endpoint;
            }

            @Override
            public String describe() {
                return "Deployed · " + endpoint.baseUrl().getHost()
                        + (endpoint.baseUrl().getPort() > 0
                                ? ":" + endpoint.baseUrl().getPort()
                                : "");
            }

            @Override
            public boolean local() {
                return false;
            }
        };
    }
}
