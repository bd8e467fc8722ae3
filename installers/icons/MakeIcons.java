import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the Sorot icon (a screenplay page and a play badge on the app's blue) and writes it as
 * PNGs for Linux (and the window itself), an .ico for Windows and an .icns for macOS. Run from the
 * repository root: {@code java installers/icons/MakeIcons.java installers/icons
 * desktop/src/main/resources/ai/sorot/desktop/icon}. The outputs are committed; the build does not
 * run this.
 */
public class MakeIcons {

    public static void main(String[] args) throws IOException {
        var out = Path.of(args.length > 0 ? args[0] : "installers/icons");
        var window = Path.of(args.length > 1 ? args[1] : "desktop/src/main/resources/ai/sorot/desktop/icon");
        Files.createDirectories(out);
        Files.createDirectories(window);
        ImageIO.write(draw(1024), "png", out.resolve("sorot.png").toFile());
        ImageIO.write(draw(256), "png", out.resolve("sorot-256.png").toFile());
        for (int size : new int[] {32, 64, 256}) {
            ImageIO.write(draw(size), "png", window.resolve("sorot-" + size + ".png").toFile());
        }
        Files.write(out.resolve("sorot.ico"), ico(16, 24, 32, 48, 64, 128, 256));
        Files.write(out.resolve("sorot.icns"), icns());
    }

    /** The icon at {@code size} pixels; small sizes use more of the square and fewer page lines. */
    static BufferedImage draw(int size) {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double margin = size >= 128 ? 0.098 : 0.03; // the macOS grid at large sizes, full use of the pixels at small ones
        double body = size * (1 - 2 * margin);
        g.translate(size * margin, size * margin);
        g.scale(body, body);

        // the tile: the app's accent blue
        g.setPaint(new GradientPaint(0, 0, new Color(0x2F81F7), 0, 1, new Color(0x0550AE)));
        g.fill(new RoundRectangle2D.Double(0, 0, 1, 1, 0.45, 0.45));

        // the screenplay page, with its top right corner folded
        double left = 0.22, top = 0.14, right = 0.70, bottom = 0.84, fold = 0.12;
        var page = new Path2D.Double();
        page.moveTo(left, top);
        page.lineTo(right - fold, top);
        page.lineTo(right, top + fold);
        page.lineTo(right, bottom);
        page.lineTo(left, bottom);
        page.closePath();
        g.setColor(new Color(0, 0, 0, 60));
        g.fill(AffineTransform.getTranslateInstance(0.012, 0.018).createTransformedShape(page));
        g.setColor(Color.WHITE);
        g.fill(page);
        var corner = new Path2D.Double();
        corner.moveTo(right - fold, top);
        corner.lineTo(right - fold, top + fold);
        corner.lineTo(right, top + fold);
        corner.closePath();
        g.setColor(new Color(0xD0D7DE));
        g.fill(corner);

        // screenplay lines: action across the page, a character cue, dialogue indented
        g.setColor(new Color(0x8C959F));
        double weight = size <= 32 ? 0.05 : 0.032;
        g.setStroke(new BasicStroke((float) weight, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double[][] lines = size <= 32
                ? new double[][] {{0.30, 0.27, 0.52}, {0.38, 0.42, 0.54}, {0.30, 0.57, 0.62}}
                : new double[][] {{0.29, 0.25, 0.54}, {0.29, 0.31, 0.62}, {0.40, 0.41, 0.52}, {0.34, 0.47, 0.58},
                        {0.34, 0.53, 0.55}, {0.29, 0.63, 0.62}, {0.29, 0.69, 0.48}};
        for (var line : lines) {
            g.draw(new java.awt.geom.Line2D.Double(line[0], line[1], line[2], line[1]));
        }

        // the badge: a play button in the amber of the "consider" verdict
        double cx = 0.70, cy = 0.72, r = 0.19;
        g.setColor(new Color(0, 0, 0, 70));
        g.fill(new Ellipse2D.Double(cx - r + 0.01, cy - r + 0.018, 2 * r, 2 * r));
        g.setPaint(new GradientPaint(0, (float) (cy - r), new Color(0xE3B341), 0, (float) (cy + r), new Color(0xBF8700)));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (r * 0.16)));
        g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        var play = new Path2D.Double();
        play.moveTo(cx - r * 0.32, cy - r * 0.45);
        play.lineTo(cx + r * 0.50, cy);
        play.lineTo(cx - r * 0.32, cy + r * 0.45);
        play.closePath();
        g.fill(play);
        g.dispose();
        return image;
    }

    static byte[] png(int size) throws IOException {
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", bytes);
        return bytes.toByteArray();
    }

    /** A Windows icon: 32-bit DIBs up to 128 px (every Windows reads them), PNG at 256 px. */
    static byte[] ico(int... sizes) throws IOException {
        var images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = sizes[i] >= 256 ? png(sizes[i]) : dib(draw(sizes[i]));
        }
        var header = ByteBuffer.allocate(6 + 16 * sizes.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = header.capacity();
        for (int i = 0; i < sizes.length; i++) {
            header.put((byte) (sizes[i] >= 256 ? 0 : sizes[i])).put((byte) (sizes[i] >= 256 ? 0 : sizes[i]));
            header.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            header.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        var out = new ByteArrayOutputStream();
        out.write(header.array());
        for (var image : images) {
            out.write(image);
        }
        return out.toByteArray();
    }

    /** BITMAPINFOHEADER, BGRA rows bottom up, then an all-zero AND mask (the alpha channel decides). */
    static byte[] dib(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int maskRow = ((w + 31) / 32) * 4;
        var buffer = ByteBuffer.allocate(40 + w * h * 4 + maskRow * h).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(40).putInt(w).putInt(2 * h).putShort((short) 1).putShort((short) 32).putInt(0)
                .putInt(w * h * 4 + maskRow * h).putInt(0).putInt(0).putInt(0).putInt(0);
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                buffer.put((byte) argb).put((byte) (argb >> 8)).put((byte) (argb >> 16)).put((byte) (argb >>> 24));
            }
        }
        return buffer.array(); // the mask is the zeroed remainder
    }

    /** A macOS icon family of PNG members, 16 px to 1024 px (512 px at 2x). */
    static byte[] icns() throws IOException {
        var members = new LinkedHashMap<String, Integer>();
        members.put("icp4", 16);
        members.put("icp5", 32);
        members.put("icp6", 64);
        members.put("ic07", 128);
        members.put("ic08", 256);
        members.put("ic09", 512);
        members.put("ic10", 1024);
        members.put("ic11", 32);
        members.put("ic12", 64);
        members.put("ic13", 256);
        members.put("ic14", 512);
        var body = new ByteArrayOutputStream();
        var data = new DataOutputStream(body);
        for (Map.Entry<String, Integer> member : members.entrySet()) {
            var png = png(member.getValue());
            data.writeBytes(member.getKey());
            data.writeInt(8 + png.length);
            data.write(png);
        }
        var out = new ByteArrayOutputStream();
        var file = new DataOutputStream(out);
        file.writeBytes("icns");
        file.writeInt(8 + body.size());
        file.write(body.toByteArray());
        return out.toByteArray();
    }
}
