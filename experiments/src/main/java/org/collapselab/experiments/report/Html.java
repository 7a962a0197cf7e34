package org.collapselab.experiments.report;

import java.nio.file.Path;
import java.util.List;

/** Small helpers to build report HTML safely: escaping, tables, figures. */
public final class Html {
    private Html() {}

    /** Escapes text for HTML element content and attributes. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A paragraph of escaped text. */
    public static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>\n";
    }

    /** A table with a header row; every cell is escaped. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table>\n<tr>");
        for (String h : header) {
            b.append("<th>").append(escape(h)).append("</th>");
        }
        b.append("</tr>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (String cell : row) {
                b.append("<td>").append(escape(cell)).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    /** An image of a figure (PNG shown, SVG linked), with a caption; paths relative to the report's folder. */
    public static String figure(Path reportDir, Path png, Path svg, String caption) {
        String pngRel = reportDir.relativize(png).toString();
        String svgRel = svg == null ? null : reportDir.relativize(svg).toString();
        return "<figure><img src=\"" + escape(pngRel) + "\" alt=\"" + escape(caption) + "\" style=\"max-width:100%\">"
                + "<figcaption>" + escape(caption)
                + (svgRel == null ? "" : " (<a href=\"" + escape(svgRel) + "\">SVG</a>)")
                + "</figcaption></figure>\n";
    }
}
