package ai.sorot.lambda.local;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The JDK's HTTPS server with a {@link ServerCertificate}: TLS 1.3 and 1.2 only, no client
 * certificates (members prove who they are with their token, inside the encrypted channel). A
 * client that speaks plain HTTP to it fails the handshake and is never answered in clear.
 */
final class HttpsTransport {

    private HttpsTransport() {}

    static HttpServer create(InetSocketAddress address, ServerCertificate certificate) throws IOException {
        var context = certificate.sslContext();
        var server = HttpsServer.create(address, 512);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                var ssl = context.getDefaultSSLParameters();
                ssl.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                ssl.setNeedClientAuth(false);
                params.setSSLParameters(ssl);
            }
        });
        return server;
    }
}
