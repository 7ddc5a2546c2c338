package com.honeydue.infra.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * graph.svg: one column per wave (left to right), one box per custom resource coloured by its component, and an
 * arrow for each "waits for" edge. A column with more than {@value #CROWDED} boxes collapses every group of at
 * least {@value #MIN_GROUP} resources of the same component and type into one dashed "N × Kind" box (its tooltip
 * lists every name), so a full stack stays readable; edges are then drawn between boxes, once each.
 */
final class GraphSvg {
    static final int CROWDED = 8;
    static final int MIN_GROUP = 2;
    private static final int BOX_W = 210;
    private static final int BOX_H = 38;
    private static final int COL_GAP = 70;
    private static final int ROW_GAP = 12;
    private static final int TOP = 90;
    private static final int LEFT = 20;
    private static final String[] PALETTE = {"#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#ede9fe", "#e0f2fe", "#fee2e2", "#f1f5f9"};

    /** One drawn box: a resource, or a collapsed group of {@code names.size()} resources. */
    record Box(String id, int wave, String component, String line1, String line2, List<String> names) {
        int count() {
            return names.size();
        }
    }

    private GraphSvg() {}

    /** Boxes per wave, the box of every custom resource (by URN), and the arrows between boxes, each once. */
    record Layout(Map<String, String> colours, List<List<Box>> columns, Map<String, Box> boxOf, List<Edge> edges) {}

    record Edge(Box from, Box to) {}

    static Layout layout(RenderGraph g) {
        Map<String, String> colours = new LinkedHashMap<>();
        g.customNodes().forEach(n -> colours.computeIfAbsent(g.componentLabel(n), k -> PALETTE[colours.size() % PALETTE.length]));

        Map<String, Box> boxOf = new LinkedHashMap<>();
        List<List<Box>> columns = new ArrayList<>();
        List<List<RenderGraph.Node>> waves = g.waves();
        for (int w = 0; w < waves.size(); w++) {
            List<RenderGraph.Node> wave = waves.get(w);
            Map<String, List<RenderGraph.Node>> groups = new LinkedHashMap<>();
            wave.forEach(n -> groups.computeIfAbsent(g.componentLabel(n) + "\u0000" + n.type(), k -> new ArrayList<>()).add(n));
            boolean crowded = wave.size() > CROWDED;
            List<Box> column = new ArrayList<>();
            for (List<RenderGraph.Node> group : groups.values()) {
                RenderGraph.Node first = group.get(0);
                if (crowded && group.size() >= MIN_GROUP) {
                    Box b = new Box("w" + (w + 1) + "g" + column.size(), w, g.componentLabel(first),
                            group.size() + " \u00d7 " + shortType(first.type()), first.name() + " \u2026",
                            group.stream().map(RenderGraph.Node::name).toList());
                    column.add(b);
                    group.forEach(n -> boxOf.put(n.urn(), b));
                } else {
                    for (RenderGraph.Node n : group) {
                        Box b = new Box("r" + n.index(), w, g.componentLabel(n), shortType(n.type()), n.name(), List.of(n.name()));
                        column.add(b);
                        boxOf.put(n.urn(), b);
                    }
                }
            }
            columns.add(column);
        }

        Set<String> drawn = new LinkedHashSet<>();
        List<Edge> edges = new ArrayList<>();
        for (RenderGraph.Node n : g.customNodes()) {
            Box to = boxOf.get(n.urn());
            for (RenderGraph.Node dep : g.waitsFor(n)) {
                Box from = boxOf.get(dep.urn());
                if (from != null && from != to && drawn.add(from.id() + ">" + to.id())) {
                    edges.add(new Edge(from, to));
                }
            }
        }
        return new Layout(colours, columns, boxOf, edges);
    }

    static String of(RenderGraph g) {
        Layout layout = layout(g);
        Map<String, String> colours = layout.colours();
        List<List<Box>> columns = layout.columns();

        Map<Box, int[]> at = new LinkedHashMap<>();
        int maxRows = 0;
        for (int c = 0; c < columns.size(); c++) {
            for (int r = 0; r < columns.get(c).size(); r++) {
                at.put(columns.get(c).get(r), new int[] {LEFT + c * (BOX_W + COL_GAP), TOP + r * (BOX_H + ROW_GAP)});
            }
            maxRows = Math.max(maxRows, columns.get(c).size());
        }
        int legendWidth = LEFT + colours.keySet().stream().mapToInt(k -> 40 + 7 * k.length()).sum();
        int width = Math.max(legendWidth, LEFT * 2 + Math.max(1, columns.size()) * (BOX_W + COL_GAP) - COL_GAP);
        int height = TOP + maxRows * (BOX_H + ROW_GAP) + 20;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        svg.append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" ")
                .append("orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#64748b\"/></marker></defs>\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("  <text x=\"").append(LEFT).append("\" y=\"24\" font-size=\"16\" font-weight=\"bold\">")
                .append(esc(g.run().project() + " / " + g.run().stack() + ": " + g.customNodes().size() + " resources in "
                        + columns.size() + " waves")).append("</text>\n");
        int lx = LEFT;
        for (var e : colours.entrySet()) {
            svg.append("  <rect x=\"").append(lx).append("\" y=\"36\" width=\"14\" height=\"14\" fill=\"").append(e.getValue())
                    .append("\" stroke=\"#334155\"/><text x=\"").append(lx + 20).append("\" y=\"48\">").append(esc(e.getKey())).append("</text>\n");
            lx += 40 + 7 * e.getKey().length();
        }
        for (int c = 0; c < columns.size(); c++) {
            svg.append("  <text x=\"").append(LEFT + c * (BOX_W + COL_GAP) + BOX_W / 2).append("\" y=\"76\" text-anchor=\"middle\" fill=\"#475569\">wave ")
                    .append(c + 1).append("</text>\n");
        }

        for (Edge edge : layout.edges()) {
            Box from = edge.from();
            Box to = edge.to();
            int[] a = at.get(from);
            int[] b = at.get(to);
            int x1 = a[0] + BOX_W;
            int y1 = a[1] + BOX_H / 2;
            int x2 = b[0];
            int y2 = b[1] + BOX_H / 2;
            int bend = Math.max(30, (x2 - x1) / 2);
            svg.append(String.format(Locale.ROOT,
                    "  <path d=\"M %d %d C %d %d, %d %d, %d %d\" fill=\"none\" stroke=\"#94a3b8\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>%n",
                    x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2).replace("\r\n", "\n"));
        }
        for (var e : at.entrySet()) {
            Box b = e.getKey();
            int x = e.getValue()[0];
            int y = e.getValue()[1];
            svg.append("  <g><title>").append(esc(b.component() + ": " + b.line1() + " " + String.join(", ", b.names()))).append("</title>")
                    .append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BOX_W)
                    .append("\" height=\"").append(BOX_H).append("\" rx=\"6\" fill=\"").append(colours.get(b.component()))
                    .append("\" stroke=\"#334155\"").append(b.count() > 1 ? " stroke-dasharray=\"4 2\"" : "").append("/>")
                    .append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 15).append("\" font-weight=\"bold\">")
                    .append(esc(fit(b.line1()))).append("</text>")
                    .append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 31).append("\">").append(esc(fit(b.line2())))
                    .append("</text></g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** "kubernetes:core/v1:NodePatch" → "NodePatch", "command:remote:Command" → "remote Command". */
    static String shortType(String type) {
        String[] parts = type.split(":");
        String last = parts[parts.length - 1];
        if (type.startsWith("pulumi:providers:")) {
            return "provider " + last;
        }
        if (parts.length == 3 && !parts[1].contains("/") && !parts[1].equals("index")) {
            return parts[1] + " " + last;
        }
        return last;
    }

    private static String fit(String s) {
        return s.length() <= 30 ? s : s.substring(0, 29) + "\u2026";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
