package ai.sorot.desktop.connection;

/** How the app stands with the Sorot API. */
public enum ConnectionState {
    /** Starting the local backend or making the first call. */
    CONNECTING,
    ONLINE,
    /** Not answering: submissions wait in the queue until it is back. */
    UNREACHABLE,
    /** Answering, but refusing the token: the curator must fix it in Settings. */
    UNAUTHORIZED
}
