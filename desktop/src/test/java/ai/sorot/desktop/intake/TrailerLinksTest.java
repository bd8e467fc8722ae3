package ai.sorot.desktop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrailerLinksTest {

    @Test
    void youtubeAndVimeoLinksAreAccepted() {
        assertThat(TrailerLinks.check("https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
                .isInstanceOf(TrailerLinks.Valid.class);
        assertThat(TrailerLinks.check("https://youtu.be/dQw4w9WgXcQ")).isInstanceOf(TrailerLinks.Valid.class);
        assertThat(((TrailerLinks.Valid) TrailerLinks.check("https://vimeo.com/76979871")).platform())
                .isEqualTo("Vimeo");
        assertThat(((TrailerLinks.Valid) TrailerLinks.check("http://m.youtube.com/watch?v=x")).url())
                .startsWith("https://");
    }

    @Test
    void otherHostsAndLookalikesAreRefused() {
        assertThat(TrailerLinks.check("https://evil.com/youtube.com"))
                .isInstanceOfSatisfying(
                        TrailerLinks.Invalid.class, i -> assertThat(i.code()).isEqualTo("URL_NOT_ALLOWED"));
        assertThat(TrailerLinks.check("https://notyoutube.com/watch")).isInstanceOf(TrailerLinks.Invalid.class);
        assertThat(TrailerLinks.check("https://169.254.169.254/latest")).isInstanceOf(TrailerLinks.Invalid.class);
        assertThat(TrailerLinks.check("ftp://youtube.com/x"))
                .isInstanceOfSatisfying(
                        TrailerLinks.Invalid.class, i -> assertThat(i.code()).isEqualTo("INVALID_URL"));
        assertThat(TrailerLinks.check("not a link at all")).isInstanceOf(TrailerLinks.Invalid.class);
    }

    @Test
    void linksAreFoundInUriListsAndProse() {
        assertThat(TrailerLinks.extract("# dragged from Firefox\r\nhttps://youtu.be/abc\r\n"))
                .containsExactly("https://youtu.be/abc");
        assertThat(TrailerLinks.extract("Trailer: https://vimeo.com/123. Also www.youtube.com/watch?v=q, thanks!"))
                .containsExactly("https://vimeo.com/123", "www.youtube.com/watch?v=q");
    }
}
