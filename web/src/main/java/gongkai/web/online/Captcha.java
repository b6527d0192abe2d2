package gongkai.web.online;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;

/**
 * The CAPTCHA of the public page, drawn by gongkai itself (java.awt, no outside service): five characters from
 * an alphabet without look-alikes (no 0/O, 1/I/L), each turned a little, over lines of noise. Plain Java.
 */
public final class Captcha {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 5;

    private final Random random;

    public Captcha(Random random) {
        this.random = random;
    }

    /** The next code to ask for. */
    public synchronized String nextCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Whether what the person typed is the code (case and surrounding spaces ignored). */
    public static boolean matches(String code, String typed) {
        return code != null && typed != null && code.equals(typed.strip().toUpperCase(Locale.ROOT));
    }

    /** The code drawn as a PNG, 150 × 50 pixels. */
    public byte[] png(String code) {
        BufferedImage image = new BufferedImage(150, 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random noise = new Random(); // the noise needs no secrecy, and leaves the codes' sequence alone
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(246, 243, 236));
            g.fillRect(0, 0, 150, 50);
            g.setStroke(new BasicStroke(1.4f));
            for (int i = 0; i < 8; i++) {
                g.setColor(new Color(120 + noise.nextInt(100), 120 + noise.nextInt(100), 120 + noise.nextInt(100)));
                g.drawLine(noise.nextInt(150), noise.nextInt(50), noise.nextInt(150), noise.nextInt(50));
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            for (int i = 0; i < code.length(); i++) {
                AffineTransform kept = g.getTransform();
                int x = 12 + i * 26;
                g.rotate((noise.nextDouble() - 0.5) * 0.6, x + 10, 28);
                g.setColor(new Color(noise.nextInt(90), noise.nextInt(90), 60 + noise.nextInt(90)));
                g.drawString(String.valueOf(code.charAt(i)), x, 36 + noise.nextInt(6) - 3);
                g.setTransform(kept);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
