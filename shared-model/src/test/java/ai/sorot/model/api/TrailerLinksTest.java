package ai.sorot.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrailerLinksTest {

    @ParameterizedTest
    @CsvSource({
        "https://youtube.com/watch?v=example, youtube, example",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s, youtube, dQw4w9WgXcQ",
        "https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ, youtube, dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ?si=abc, youtube, dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ, youtube, dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ, youtube, dQw4w9WgXcQ",
        "HTTPS://WWW.YOUTUBE.COM./watch?v=abc, youtube, abc",
        "https://vimeo.com/76979871, vimeo, 76979871",
        "https://vimeo.com/channels/staffpicks/76979871, vimeo, 76979871",
        "https://player.vimeo.com/video/76979871, vimeo, 76979871",
        "https://youtube.com:443/watch?v=abc, youtube, abc"
    })
    void acceptsYouTubeAndVimeoVideoLinks(String url, String platform, String id) {
        var link = TrailerLinks.check(url);
        assertThat(link.platform()).isEqualTo(platform);
        assertThat(link.videoId()).isEqualTo(id);
    }

    @Test
    void theSameVideoHasOneCanonicalKeyHoweverItIsLinked() {
        assertThat(TrailerLinks.canonical(TrailerLinks.check("https://youtu.be/dQw4w9WgXcQ")))
                .isEqualTo(TrailerLinks.canonical(TrailerLinks.check("https://www.youtube.com/watch?v=dQw4w9WgXcQ")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://youtube.com/watch?v=abc",
                "ftp://youtube.com/watch?v=abc",
                "javascript:alert(1)",
                "youtube.com/watch?v=abc",
                "https://",
                "https://youtube.com/watch?v=a b",
                "https://www.youtube.com/channel/UC123",
                "https://vimeo.com/about"
            })
    void rejectsLinksThatAreNotHttpsVideoUrls(String url) {
        assertThatThrownBy(() -> TrailerLinks.check(url))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/watch?v=abc",
                "https://youtube.com.evil.example/watch?v=abc",
                "https://notyoutube.com/watch?v=abc",
                "https://127.0.0.1/watch?v=abc",
                "https://10.0.0.7/watch?v=abc",
                "https://169.254.169.254/latest/meta-data/",
                "https://[::1]/watch?v=abc",
                "https://[fe80::1]/watch?v=abc",
                "https://2130706433/watch?v=abc",
                "https://0x7f.1/watch?v=abc",
                "https://0177.0.0.1/watch?v=abc",
                "https://youtube.com@127.0.0.1/watch?v=abc",
                "https://user:pass@youtube.com/watch?v=abc",
                "https://youtube.com:8443/watch?v=abc",
                "https://localhost/watch?v=abc"
            })
    void rejectsHostsOffTheAllowListIncludingEveryPrivateAddressForm(String url) {
        assertThatThrownBy(() -> TrailerLinks.check(url))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.URL_NOT_ALLOWED));
    }

    @Test
    void namesThePrivateAddressInTheMessage() {
        assertThatThrownBy(() -> TrailerLinks.check("https://169.254.169.254/"))
                .hasMessageContaining("private, loopback or link-local");
    }

    @Test
    void rejectsAbsurdlyLongLinks() {
        assertThatThrownBy(() -> TrailerLinks.check("https://youtube.com/watch?v=" + "a".repeat(3000)))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL));
    }

    @Test
    void classifiesNonPublicAddresses() throws Exception {
        for (var address : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00::1",
            "224.0.0.1"
        }) {
            assertThat(TrailerLinks.isNonPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
        for (var address : new String[] {"142.250.185.78", "8.8.8.8", "2a00:1450:4001:82a::200e"}) {
            assertThat(TrailerLinks.isNonPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
    }
}
