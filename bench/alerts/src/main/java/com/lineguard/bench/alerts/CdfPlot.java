package com.lineguard.bench.alerts;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * A PNG of cumulative distributions: milliseconds on a log scale across, the share of samples at or below down the
 * side, one line per distribution, and a dashed line at the target (none when it is 0). Java2D only.
 */
final class CdfPlot {

    private static final int WIDTH = 900;
    private static final int PLOT_HEIGHT = 410;
    private static final int LEGEND_LINE = 18;
    private static final int LEFT = 70;
    private static final int RIGHT = 50;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLOURS = {new Color(0xC0392B), new Color(0x2471A3), new Color(0xE59866),
            new Color(0x85C1E9), new Color(0x7D8C8D)};

    private CdfPlot() {
    }

    static void write(File file, String title, List<Distribution> distributions, double targetMillis) throws Exception {
        double minMs = 0.1;
        double maxMs = Math.max(Math.max(targetMillis * 2, 10), distributions.stream().mapToDouble(Distribution::maxMillis)
                .filter(v -> !Double.isNaN(v)).max().orElse(1000) * 1.2);
        double lowDecade = Math.floor(Math.log10(minMs));
        double highDecade = Math.ceil(Math.log10(maxMs));

        // The legend goes below the axis, one line per distribution, so that it never hides a line.
        int height = TOP + PLOT_HEIGHT + BOTTOM + LEGEND_LINE * distributions.size() + 10;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = PLOT_HEIGHT;
        java.util.function.DoubleUnaryOperator x = ms -> LEFT + plotWidth
                * (Math.log10(Math.max(ms, Math.pow(10, lowDecade))) - lowDecade) / (highDecade - lowDecade);
        java.util.function.DoubleUnaryOperator y = share -> TOP + plotHeight * (1 - share);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double decade = lowDecade; decade <= highDecade; decade++) {
            int gx = (int) x.applyAsDouble(Math.pow(10, decade));
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(gx, TOP, gx, TOP + plotHeight);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(Math.pow(10, decade)), gx - 12, TOP + plotHeight + 18);
        }
        for (int percent = 0; percent <= 100; percent += 25) {
            int gy = (int) y.applyAsDouble(percent / 100.0);
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(LEFT, gy, LEFT + plotWidth, gy);
            g.setColor(Color.DARK_GRAY);
            g.drawString(percent + " %", LEFT - 45, gy + 4);
        }
        int p99 = (int) y.applyAsDouble(0.99);
        g.setColor(new Color(0xBBBBBB));
        g.drawLine(LEFT, p99, LEFT + plotWidth, p99);
        g.drawString("99 %", LEFT + plotWidth - 30, p99 - 3);
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        g.drawString("milliseconds (log scale)", LEFT + plotWidth / 2 - 60, TOP + plotHeight + 38);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 30);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (targetMillis > 0) {
            int tx = (int) x.applyAsDouble(targetMillis);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(tx, TOP, tx, TOP + plotHeight);
            g.drawString("target " + label(targetMillis), tx + 4, TOP + 14);
        }

        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < distributions.size(); i++) {
            Distribution d = distributions.get(i);
            g.setColor(COLOURS[i % COLOURS.length]);
            long[] micros = d.sortedMicros();
            int px = LEFT;
            int py = (int) y.applyAsDouble(0);
            int step = Math.max(1, micros.length / 2000);
            for (int k = 0; k < micros.length; k += step) {
                int nx = (int) x.applyAsDouble(micros[k] / 1000.0);
                int ny = (int) y.applyAsDouble((k + 1) / (double) micros.length);
                g.drawLine(px, py, nx, py);
                g.drawLine(nx, py, nx, ny);
                px = nx;
                py = ny;
            }
            if (micros.length > 0) {
                int nx = (int) x.applyAsDouble(micros[micros.length - 1] / 1000.0);
                g.drawLine(px, py, nx, py);
                g.drawLine(nx, py, nx, (int) y.applyAsDouble(1));
            }
            int ly = TOP + plotHeight + BOTTOM + LEGEND_LINE * (i + 1) - 4;
            int lx = LEFT;
            g.fillRect(lx, ly - 9, 14, 4);
            g.drawString(String.format(Locale.ROOT, "%s: n %d, p50 %s, p99 %s, max %s", d.name(), d.count(),
                    label(d.percentileMillis(0.5)), label(d.percentileMillis(0.99)), label(d.maxMillis())),
                    lx + 20, ly - 3);
        }
        g.dispose();
        file.getParentFile().mkdirs();
        ImageIO.write(image, "png", file);
    }

    static String label(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        return ms >= 10 || ms == Math.rint(ms) ? String.format(Locale.ROOT, "%.0f ms", ms)
                : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
