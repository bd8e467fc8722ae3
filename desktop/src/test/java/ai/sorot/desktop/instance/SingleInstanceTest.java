package ai.sorot.desktop.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.sorot.desktop.home.DesktopHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {

    @TempDir
    Path root;

    private SingleInstance window;

    @AfterEach
    void closeWindow() {
        if (window != null) {
            window.close();
        }
    }

    private DesktopHome home() {
        return new DesktopHome(root.resolve("home"));
    }

    private SingleInstance becomeWindow() throws Exception {
        var claim = SingleInstance.claim(home(), List.of());
        assertThat(claim).isInstanceOf(SingleInstance.Primary.class);
        window = ((SingleInstance.Primary) claim).instance();
        return window;
    }

    @Test
    void theFirstLaunchBecomesTheWindowAndNamesItsPortInAnOwnerOnlyFile() throws Exception {
        var instance = becomeWindow();

        var file = home().resolve("instance.properties");
        var info = new Properties();
        try (var in = Files.newInputStream(file)) {
            info.load(in);
        }
        assertThat(info.getProperty("pid"))
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(info.getProperty("port")).isEqualTo(Integer.toString(instance.port()));
        assertThat(info.getProperty("key")).hasSize(48);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aLaterLaunchHandsItsFilesToTheWindowAsAbsolutePaths() throws Exception {
        var received = new LinkedBlockingQueue<List<Path>>();
        becomeWindow().onOpen(received::add);

        var claim = SingleInstance.claim(home(), List.of(Path.of("scripts/a.pdf"), root.resolve("b c.fountain")));

        assertThat(claim)
                .isEqualTo(new SingleInstance.Forwarded(ProcessHandle.current().pid(), 2));
        assertThat(received.poll(5, TimeUnit.SECONDS))
                .containsExactly(Path.of("scripts/a.pdf").toAbsolutePath(), root.resolve("b c.fountain"));
    }

    @Test
    void aLaunchWithoutFilesAsksTheWindowToComeToTheFront() throws Exception {
        var received = new LinkedBlockingQueue<List<Path>>();
        becomeWindow().onOpen(received::add);

        assertThat(SingleInstance.claim(home(), List.of())).isInstanceOf(SingleInstance.Forwarded.class);
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void filesHandedOverBeforeTheWindowIsReadyAreKeptForIt() throws Exception {
        var instance = becomeWindow();
        SingleInstance.claim(home(), List.of(root.resolve("early.pdf")));

        var received = new LinkedBlockingQueue<List<Path>>();
        // the hand-over is answered before it is delivered: wait until it is parked, then subscribe
        await().atMost(Duration.ofSeconds(5)).until(() -> instance.pendingCount() == 1);
        instance.onOpen(received::add);

        assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(root.resolve("early.pdf"));
    }

    @Test
    void aCallerWithoutTheKeyIsRefusedAndOpensNothing() throws Exception {
        var received = new LinkedBlockingQueue<List<Path>>();
        var instance = becomeWindow();
        instance.onOpen(received::add);

        try (var socket = new Socket(InetAddress.getLoopbackAddress(), instance.port())) {
            socket.getOutputStream().write("not-the-key\n/etc/passwd\n\n".getBytes(StandardCharsets.UTF_8));
            var answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(answer).isEqualTo("refused");
        }
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theFileOfAWindowThatIsGoneIsTakenOver() throws Exception {
        var gone = new ProcessBuilder("true").start();
        gone.waitFor();
        var file = home().ensureDir(home().desktop()).resolve("instance.properties");
        Files.writeString(file, "pid=" + gone.pid() + "\nport=1\nkey=old\n");

        var instance = becomeWindow();

        assertThat(Files.readString(file))
                .contains("pid=" + ProcessHandle.current().pid(), "port=" + instance.port());
    }

    @Test
    void aWindowWhosePortNoLongerAnswersIsTakenOver() throws Exception {
        var first = becomeWindow();
        int oldPort = first.port();
        // a crash: the socket is gone but the file still names this (live) process
        var file = home().resolve("instance.properties");
        var saved = Files.readString(file);
        first.close();
        Files.writeString(file, saved);

        window = ((SingleInstance.Primary) SingleInstance.claim(home(), List.of())).instance();

        assertThat(window.port()).isNotEqualTo(oldPort);
        assertThat(Files.readString(file)).contains("port=" + window.port());
    }

    @Test
    void closingTheWindowRemovesItsFile() throws Exception {
        becomeWindow().close();
        window = null;

        assertThat(home().resolve("instance.properties")).doesNotExist();
    }
}
