package ai.sorot.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb, read with dpkg-deb and installed with dpkg into a root of its own: no root rights
 * needed and nothing written to this machine. dpkg runs the package's maintainer scripts there
 * without chroot ({@code --force-script-chrootless}; they install under {@code $DPKG_ROOT}), and
 * xdg-utils registers the menu entry in that root's XDG folders.
 */
class DebPackageIT {

    private static final Duration DPKG = Duration.ofMinutes(3);
    private static PackagedApp app;

    @BeforeAll
    static void packaged() throws IOException {
        app = new PackagedApp();
    }

    @Test
    void infoNamesThePackageItsVersionAndWhatItNeeds(@TempDir Path dir) throws Exception {
        var info = dpkgDeb(dir, "--info", app.deb().toString());

        assertThat(info)
                .contains(
                        " Package: sorot\n",
                        " Version: " + PackagedApp.required("sorot.version") + "\n",
                        " Architecture: amd64\n",
                        " Maintainer: Sorot <team@sorot.ai>\n",
                        " Section: misc\n",
                        " Description: Screenplay and trailer analysis for film-festival programmers\n",
                        " Recommends: espeak-ng\n");
        var depends =
                info.lines().filter(l -> l.startsWith(" Depends: ")).findFirst().orElseThrow();
        // found by jpackage from the native libraries' links: GTK and ALSA for JavaFX, xdg-utils for the scripts
        assertThat(depends).contains("libc6", "libgtk-3-0", "libasound2", "libx11-6", "xdg-utils");
        assertThat(info).contains("postinst", "prerm");
    }

    @Test
    void contentsHoldTheLauncherTheMenuEntryAndTheIcon(@TempDir Path dir) throws Exception {
        var contents = dpkgDeb(dir, "--contents", app.deb().toString());

        assertThat(contents.lines())
                .anyMatch(l -> l.startsWith("-rwxr-xr-x root/root") && l.endsWith(" ./opt/sorot/bin/Sorot"));
        assertThat(contents)
                .contains(
                        " ./opt/sorot/lib/sorot-Sorot.desktop\n",
                        " ./opt/sorot/lib/Sorot.png\n",
                        " ./opt/sorot/lib/sorot-Sorot-MimeInfo.xml\n",
                        " ./opt/sorot/lib/app/sorot-desktop.jar\n",
                        " ./opt/sorot/lib/runtime/lib/server/libjvm.so\n",
                        // JavaFX's and SQLite's native libraries sit beside the jars, loaded in place
                        " ./opt/sorot/lib/app/lib/libglassgtk3.so\n",
                        " ./opt/sorot/lib/app/lib/libprism_sw.so\n",
                        " ./opt/sorot/lib/app/lib/libsqlitejdbc.so\n");

        if (app.get("aot-cache.bytes") != null) { // made on JDK 24 and newer
            assertThat(contents).contains(" ./opt/sorot/lib/app/sorot.aot\n");
        }

        var files = Files.createDirectories(dir.resolve("files"));
        dpkgDeb(dir, "-x", app.deb().toString(), files.toString());
        var entry = Files.readString(files.resolve("opt/sorot/lib/sorot-Sorot.desktop"));
        assertThat(entry)
                .contains(
                        "Name=Sorot\n",
                        "Exec=/opt/sorot/bin/Sorot %F\n",
                        "Icon=/opt/sorot/lib/Sorot.png\n",
                        "MimeType=application/pdf;text/x-fountain;application/x-final-draft;application/x-highland;\n",
                        "Categories=Office;Viewer;\n");
        assertThat(Files.readString(files.resolve("opt/sorot/lib/sorot-Sorot-MimeInfo.xml")))
                .contains(
                        "type=\"text/x-fountain\"",
                        "<glob pattern=\"*.fountain\">",
                        "type=\"application/x-final-draft\"",
                        "<glob pattern=\"*.fdx\">",
                        "type=\"application/x-highland\"",
                        "<glob pattern=\"*.highland\">");
        // Sorot's own icon, not jpackage's default one (which it falls back to without NAME.png in the resources)
        var icon = ImageIO.read(files.resolve("opt/sorot/lib/Sorot.png").toFile());
        assertThat(icon.getWidth()).isEqualTo(256);
        assertThat(Files.mismatch(
                        files.resolve("opt/sorot/lib/Sorot.png"), Path.of(PackagedApp.required("sorot.icon"))))
                .isEqualTo(-1);
    }

    @Test
    void installsIntoAnotherRootRunsAndIsRemovedWithoutATrace(@TempDir Path dir) throws Exception {
        var root = dir.resolve("root");
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
        Files.createFile(root.resolve("var/lib/dpkg/status"));
        Files.createDirectories(root.resolve("usr/share/applications"));
        Files.createDirectories(root.resolve("usr/share/mime/packages"));
        Files.createDirectories(root.resolve("etc/xdg/menus"));
        var userHome = Files.createDirectories(root.resolve("home/curator"));
        var before = files(root);
        var log = dir.resolve("dpkg.log");
        // xdg-utils writes to the system folders when it runs as root, to the user's otherwise: both are in the root
        var env = Map.of(
                "XDG_DATA_DIRS",
                root.resolve("usr/share").toString(),
                "XDG_CONFIG_DIRS",
                root.resolve("etc/xdg").toString(),
                "XDG_DATA_HOME",
                userHome.resolve(".local/share").toString(),
                "XDG_CONFIG_HOME",
                userHome.resolve(".config").toString(),
                "HOME",
                userHome.toString(),
                "PATH",
                System.getenv("PATH") + ":/usr/sbin:/sbin");
        assertThat(PackagedApp.run(
                                List.of("sh", "-c", "command -v xdg-desktop-menu xdg-mime"),
                                dir,
                                Map.of(),
                                Duration.ofSeconds(10))
                        .exit())
                .as("xdg-utils is installed (the package depends on it; .ci/run installs it)")
                .isZero();

        // the machine's own packages (libc6, GTK...) are not in this root's database: --force-depends
        var install = dpkg(dir, env, root, log, "--install", app.deb().toString());
        assertThat(install.exit()).as(install.output()).isZero();

        var status = dpkg(dir, env, root, log, "--status", "sorot");
        assertThat(status.output())
                .contains("Status: install ok installed", "Version: " + PackagedApp.required("sorot.version"));
        var launcher = root.resolve("opt/sorot/bin/Sorot");
        assertThat(launcher).isExecutable();
        // postinst registered the menu entry and the Fountain type inside the root, nowhere else
        var registered = files(root).stream()
                .filter(f -> !f.startsWith("opt/") && !f.startsWith("var/lib/dpkg/"))
                .toList();
        assertThat(registered)
                .anyMatch(f -> f.endsWith("applications/sorot-Sorot.desktop"))
                .anyMatch(f -> f.endsWith("mime/packages/sorot-Sorot-MimeInfo.xml"));

        var version = PackagedApp.run(
                List.of(launcher.toString(), "--version"),
                dir,
                Map.of("HOME", userHome.toString()),
                Duration.ofSeconds(60));
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("Sorot " + PackagedApp.required("sorot.version") + " (Java ");

        // the installed app opens a Fountain screenplay end to end (its AOT cache and libraries found from /opt's copy)
        var png = dir.resolve("installed.png");
        var fountain = Path.of(PackagedApp.required("sorot.scripts"), "cyber-bob-debate.fountain");
        var selfCheck = PackagedApp.run(
                PackagedApp.underXvfb(
                        List.of(launcher.toString(), "--self-check", png.toString(), fountain.toString())),
                dir,
                Map.of(
                        "HOME",
                        PackagedApp.homeWithNullSound(dir.resolve("home")).toString(),
                        "SOROT_HOME",
                        dir.resolve("sorot").toString()),
                Duration.ofMinutes(4));
        assertThat(selfCheck.exit()).as(selfCheck.output()).isZero();
        Screenshots.assertDrawnReport(png);
        Screenshots.keep(png, "installed-deb-self-check.png");

        var purge = dpkg(dir, env, root, log, "--purge", "sorot");
        assertThat(purge.exit()).as(purge.output()).isZero();

        assertThat(dpkg(dir, env, root, log, "--status", "sorot").exit())
                .as("dpkg --status after purge")
                .isNotZero();
        var after = files(root);
        var left = new TreeSet<>(after);
        left.removeAll(before);
        // dpkg's own database files stay (status-old, locks, triggers), and so do the MIME database's caches (rebuilt
        // without the Fountain type) and, as a user, xdg-utils' own folders and empty menu; nothing of the package
        // does.
        var tools = List.of(
                "var/lib/dpkg/",
                "usr/share/mime/",
                "home/curator/.local/",
                "home/curator/.config/",
                "home/curator/.gnome/");
        assertThat(left)
                .as("left after the purge")
                .allMatch(
                        f -> tools.stream().anyMatch(f::startsWith),
                        "only dpkg's, the MIME database's and xdg-utils' own files");
        assertThat(left).noneMatch(f -> f.toLowerCase().contains("sorot"));
        assertThat(root.resolve("opt/sorot")).doesNotExist();
        for (var f : left.stream()
                .filter(f -> !f.endsWith("/") && !f.startsWith("var/lib/dpkg/"))
                .toList()) {
            assertThat(Files.readString(root.resolve(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .toLowerCase())
                    .as("%s, left after the purge", f)
                    .doesNotContain("sorot")
                    .doesNotContain("fountain");
        }
        assertThat(Files.readString(log)).contains("status installed sorot:amd64", "status not-installed sorot:amd64");
    }

    private static PackagedApp.Run dpkg(Path dir, Map<String, String> env, Path root, Path log, String... args)
            throws Exception {
        var command = new ArrayList<>(List.of(
                "dpkg",
                "--root=" + root,
                "--log=" + log,
                "--force-not-root",
                "--force-script-chrootless",
                "--force-depends"));
        command.addAll(List.of(args));
        return PackagedApp.run(command, dir, env, DPKG);
    }

    private static String dpkgDeb(Path dir, String... args) throws Exception {
        var command = new ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(args));
        var run = PackagedApp.run(command, dir, Map.of(), DPKG);
        assertThat(run.exit()).as(run.output()).isZero();
        return run.output();
    }

    /** Every file and folder under {@code root}, relative, folders ending in '/'. */
    private static TreeSet<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : ""))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
