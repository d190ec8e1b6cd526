/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Inline SVG charts for the HTML report, drawn by hand so that the page needs no script
 * or image from anywhere: a radar chart of capability levels against targets, and
 * horizontal bars of compliance per clause group (with before and after bars against a
 * baseline). Every label is escaped; every mark has a <title> for its exact figures.
 */
#include "internal/report.h"

#include <math.h>
#include <string.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static const char *band_colour(double v)
{
	if (isnan(v))
		return "#9ca3af";
	switch (itsma_letter_from_achievement(v)) {
	case ITSMA_LETTER_N: return "#c2410c";
	case ITSMA_LETTER_P: return "#d97706";
	case ITSMA_LETTER_L: return "#0e7490";
	default: return "#15803d";
	}
}

static void point(double cx, double cy, double r, double angle, double *x, double *y)
{
	*x = cx + r * cos(angle);
	*y = cy + r * sin(angle);
}

static double axis_angle(size_t i, size_t n)
{
	return -M_PI / 2 + 2 * M_PI * (double)i / (double)n;
}

static void polygon(itsma__buf *out, const itsma__radar_axis *axes, size_t n, int which, double cx,
                    double cy, double radius, const char *attrs)
{
	itsma__buf_puts(out, "<polygon points=\"");
	for (size_t i = 0; i < n; i++) {
		int v = which == 0 ? axes[i].level : which == 1 ? axes[i].target : axes[i].before;
		if (v < 0)
			v = 0;
		double x, y;
		point(cx, cy, radius * v / 5.0, axis_angle(i, n), &x, &y);
		itsma__buf_printf(out, "%s%.1f,%.1f", i ? " " : "", x, y);
	}
	itsma__buf_printf(out, "\" %s/>\n", attrs);
}

void itsma__svg_radar(itsma__buf *out, const itsma__radar_axis *axes, size_t n)
{
	const double w = 560, h = 500, cx = 280, cy = 245, radius = 180;
	int any_target = 0, any_before = 0;
	for (size_t i = 0; i < n; i++) {
		if (axes[i].target >= 0)
			any_target = 1;
		if (axes[i].before >= 0)
			any_before = 1;
	}
	itsma__buf_printf(out,
	                  "<svg class=\"chart radar\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
	                  "aria-labelledby=\"radar-title\" xmlns=\"http://www.w3.org/2000/svg\">\n"
	                  "<title id=\"radar-title\">Capability level%s per process</title>\n",
	                  w, h, any_target ? " against target" : "");
	if (n == 0) {
		itsma__buf_puts(out, "<text x=\"20\" y=\"40\" class=\"muted\">No applicable "
		                     "process.</text>\n</svg>\n");
		return;
	}
	/* rings for levels 1-5 and the axes */
	itsma__buf_puts(out,
	                "<g class=\"grid\" fill=\"none\" stroke=\"#d6d3d1\" stroke-width=\"1\">\n");
	for (int level = 1; level <= 5; level++) {
		itsma__buf_puts(out, "<polygon points=\"");
		for (size_t i = 0; i < n; i++) {
			double x, y;
			point(cx, cy, radius * level / 5.0, axis_angle(i, n), &x, &y);
			itsma__buf_printf(out, "%s%.1f,%.1f", i ? " " : "", x, y);
		}
		itsma__buf_puts(out, "\"/>\n");
	}
	for (size_t i = 0; i < n; i++) {
		double x, y;
		point(cx, cy, radius, axis_angle(i, n), &x, &y);
		itsma__buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
		                  cx, cy, x, y);
	}
	itsma__buf_puts(out, "</g>\n<g class=\"ring-labels\" font-size=\"10\" fill=\"#78716c\">\n");
	for (int level = 1; level <= 5; level++)
		itsma__buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\">%d</text>\n", cx + 3,
		                  cy - radius * level / 5.0 + 11, level);
	itsma__buf_puts(out, "</g>\n");

	if (any_before)
		polygon(out, axes, n, 2, cx, cy, radius,
		        "fill=\"none\" stroke=\"#57534e\" stroke-width=\"1.8\" "
		        "stroke-dasharray=\"3 3\"");
	polygon(out, axes, n, 0, cx, cy, radius,
	        "fill=\"#2563eb\" fill-opacity=\"0.18\" stroke=\"#2563eb\" stroke-width=\"2\"");
	if (any_target)
		polygon(
		    out, axes, n, 1, cx, cy, radius,
		    "fill=\"none\" stroke=\"#b45309\" stroke-width=\"2\" stroke-dasharray=\"6 4\"");

	/* points with their figures, and labels at the rim */
	for (size_t i = 0; i < n; i++) {
		double a = axis_angle(i, n), x, y, lx, ly;
		point(cx, cy, radius * axes[i].level / 5.0, a, &x, &y);
		itsma__buf_printf(
		    out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#2563eb\"><title>", x,
		    y);
		itsma__html_escape(out, axes[i].label);
		itsma__buf_putc(out, ' ');
		itsma__html_escape(out, axes[i].title);
		itsma__buf_printf(out, ": level %d", axes[i].level);
		if (axes[i].target >= 0)
			itsma__buf_printf(out, ", target %d", axes[i].target);
		if (axes[i].before >= 0)
			itsma__buf_printf(out, ", was %d", axes[i].before);
		itsma__buf_puts(out, "</title></circle>\n");
		point(cx, cy, radius + 16, a, &lx, &ly);
		double c = cos(a);
		const char *anchor = fabs(c) < 0.2 ? "middle" : c > 0 ? "start" : "end";
		itsma__buf_printf(
		    out,
		    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" dominant-baseline=\"middle\" "
		    "font-size=\"11\" fill=\"#44403c\"><title>",
		    lx, ly, anchor);
		itsma__html_escape(out, axes[i].title);
		itsma__buf_puts(out, "</title>");
		itsma__html_escape(out, axes[i].label);
		itsma__buf_puts(out, "</text>\n");
	}
	/* legend */
	double ly = h - 18, lx = 40;
	itsma__buf_printf(
	    out,
	    "<g font-size=\"12\" fill=\"#44403c\">\n"
	    "<rect x=\"%.0f\" y=\"%.0f\" width=\"14\" height=\"10\" fill=\"#2563eb\" "
	    "fill-opacity=\"0.3\" stroke=\"#2563eb\"/><text x=\"%.0f\" y=\"%.0f\">level</text>\n",
	    lx, ly - 9, lx + 20, ly);
	lx += 80;
	if (any_target) {
		itsma__buf_printf(
		    out,
		    "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#b45309\" "
		    "stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"%.0f\" "
		    "y=\"%.0f\">target</text>\n",
		    lx, ly - 4, lx + 22, ly - 4, lx + 28, ly);
		lx += 90;
	}
	if (any_before)
		itsma__buf_printf(
		    out,
		    "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#57534e\" "
		    "stroke-width=\"1.8\" stroke-dasharray=\"3 3\"/><text x=\"%.0f\" "
		    "y=\"%.0f\">baseline "
		    "level</text>\n",
		    lx, ly - 4, lx + 22, ly - 4, lx + 28, ly);
	itsma__buf_puts(out, "</g>\n</svg>\n");
}

void itsma__svg_bars(itsma__buf *out, const itsma__bar_item *items, size_t n, int compare,
                     const char *caption)
{
	const double label_w = 200, bar_w = 240, value_w = compare ? 104 : 56, top = 34;
	const double row_h = compare ? 36 : n <= 10 ? 40 : 26;
	const double w = label_w + bar_w + value_w + 10, h = top + row_h * (double)n + 34;
	char b1[48], b2[48];
	itsma__buf_printf(out,
	                  "<svg class=\"chart bars\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
	                  "xmlns=\"http://www.w3.org/2000/svg\">\n<title>",
	                  w, h);
	itsma__html_escape(out, caption);
	itsma__buf_puts(out, "</title>\n");
	/* band edges of ISO/IEC 33020: N up to 15, P up to 50, L up to 85, F above */
	static const double edges[] = { 0, 15, 50, 85, 100 };
	static const char *const bands[] = { "N", "P", "L", "F" };
	itsma__buf_puts(out, "<g font-size=\"11\" fill=\"#78716c\" text-anchor=\"middle\">\n");
	for (int i = 0; i < 4; i++) {
		double x0 = label_w + bar_w * edges[i] / 100,
		       x1 = label_w + bar_w * edges[i + 1] / 100;
		itsma__buf_printf(
		    out,
		    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
		    x0, top - 6, x1 - x0, row_h * (double)n + 8, i % 2 ? "#f5f5f4" : "#fafaf9");
		itsma__buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", (x0 + x1) / 2,
		                  top - 12, bands[i]);
	}
	for (int i = 0; i <= 4; i++)
		itsma__buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\">%g</text>\n",
		                  label_w + bar_w * edges[i] / 100, top + row_h * (double)n + 16,
		                  edges[i]);
	itsma__buf_puts(out, "</g>\n");

	for (size_t i = 0; i < n; i++) {
		double y = top + row_h * (double)i;
		const itsma__bar_item *it = &items[i];
		itsma__buf_printf(out, "<g class=\"bar\"><title>");
		itsma__html_escape(out, it->label);
		itsma__buf_putc(out, ' ');
		itsma__html_escape(out, it->title);
		itsma__buf_printf(out, ": %s", itsma__fmt_pct(b1, it->value));
		if (compare)
			itsma__buf_printf(out, " (was %s)", itsma__fmt_pct(b2, it->before));
		itsma__buf_puts(out, "</title>\n");
		/* label: clause and a title cut to fit */
		itsma__buf label = ITSMA__BUF_INIT;
		itsma__term_fit(&label, it->title, 26, 0);
		itsma__buf_printf(out,
		                  "<text x=\"0\" y=\"%.1f\" font-size=\"12\" fill=\"#292524\" "
		                  "dominant-baseline=\"middle\">"
		                  "<tspan font-weight=\"600\">",
		                  y + row_h / 2 - 2);
		itsma__html_escape(out, it->label);
		itsma__buf_puts(out, "</tspan> ");
		itsma__html_escape(out, itsma__buf_str(&label));
		itsma__buf_puts(out, "</text>\n");
		itsma__buf_drop(&label, out);
		if (compare) {
			double bw = isnan(it->before) ? 0 : bar_w * it->before / 100;
			itsma__buf_printf(out,
			                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"9\" "
			                  "rx=\"2\" fill=\"#a8a29e\"/>\n",
			                  label_w, y + 3, bw);
			double aw = isnan(it->value) ? 0 : bar_w * it->value / 100;
			itsma__buf_printf(out,
			                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			                  "height=\"13\" rx=\"2\" fill=\"%s\"/>\n",
			                  label_w, y + 14, aw, band_colour(it->value));
			double delta = it->value - it->before;
			const char *dc = isnan(delta) || fabs(delta) < 0.05 ? "#78716c"
			                 : delta > 0                        ? "#15803d"
			                                                    : "#b91c1c";
			itsma__buf_printf(
			    out,
			    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#292524\" "
			    "dominant-baseline=\"middle\">%s</text>\n",
			    label_w + bar_w + 8, y + row_h / 2 - 2, itsma__fmt_pct(b1, it->value));
			itsma__buf_printf(out,
			                  "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
			                  "fill=\"%s\" dominant-baseline=\"middle\">%s</text>\n",
			                  label_w + bar_w + 58, y + row_h / 2 - 2, dc,
			                  itsma__fmt_delta(b2, delta, 1));
		} else {
			double vw = isnan(it->value) ? 0 : bar_w * it->value / 100;
			itsma__buf_printf(out,
			                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			                  "height=\"%.1f\" rx=\"2\" fill=\"%s\"/>\n",
			                  label_w, y + row_h * 0.2 - 2, vw, row_h * 0.6,
			                  band_colour(it->value));
			itsma__buf_printf(
			    out,
			    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#292524\" "
			    "dominant-baseline=\"middle\">%s</text>\n",
			    label_w + bar_w + 8, y + row_h / 2 - 2, itsma__fmt_pct(b1, it->value));
		}
		itsma__buf_puts(out, "</g>\n");
	}
	if (compare)
		itsma__buf_printf(
		    out,
		    "<g font-size=\"12\" fill=\"#44403c\"><rect x=\"%.0f\" y=\"%.0f\" width=\"14\" "
		    "height=\"8\" "
		    "fill=\"#a8a29e\"/><text x=\"%.0f\" y=\"%.0f\">before</text>"
		    "<rect x=\"%.0f\" y=\"%.0f\" width=\"14\" height=\"10\" fill=\"#0e7490\"/>"
		    "<text x=\"%.0f\" y=\"%.0f\">after</text></g>\n",
		    label_w, h - 11, label_w + 20, h - 3, label_w + 80, h - 12, label_w + 100,
		    h - 3);
	itsma__buf_puts(out, "</svg>\n");
}

void itsma__svg_lines(itsma__buf *out, const char *const *labels, size_t n,
                      const itsma__line_series *series, size_t ns, const char *caption)
{
	const double left = 44, right = 44, top = 20, plot_h = 240, w = 640, h = top + plot_h + 66;
	const double plot_w = w - left - right;
	char b1[48];
	itsma__buf_printf(out,
	                  "<svg class=\"chart lines\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
	                  "xmlns=\"http://www.w3.org/2000/svg\">\n<title>",
	                  w, h);
	itsma__html_escape(out, caption);
	itsma__buf_puts(out, "</title>\n");
	/* the band edges of ISO/IEC 33020 as grid lines */
	static const double edges[] = { 0, 15, 50, 85, 100 };
	itsma__buf_puts(out, "<g font-size=\"11\" fill=\"#78716c\" stroke=\"#e7e5e4\">\n");
	for (int i = 0; i < 5; i++) {
		double y = top + plot_h * (1 - edges[i] / 100);
		itsma__buf_printf(
		    out,
		    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
		    "<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\" text-anchor=\"end\">%g</text>\n",
		    left, y, w - right, y, left - 6, y + 4, edges[i]);
	}
	itsma__buf_puts(out, "</g>\n");
	double step = n > 1 ? plot_w / (double)(n - 1) : 0;
	itsma__buf_puts(out, "<g font-size=\"11\" fill=\"#44403c\" text-anchor=\"middle\">\n");
	for (size_t i = 0; i < n; i++) {
		itsma__buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\">",
		                  n > 1 ? left + step * (double)i : left + plot_w / 2,
		                  top + plot_h + 18);
		itsma__html_escape(out, labels[i]);
		itsma__buf_puts(out, "</text>\n");
	}
	itsma__buf_puts(out, "</g>\n");
	for (size_t k = 0; k < ns; k++) {
		const itsma__line_series *s = &series[k];
		itsma__buf_printf(
		    out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
		    s->colour);
		int first = 1;
		for (size_t i = 0; i < n; i++) {
			if (isnan(s->values[i]))
				continue;
			itsma__buf_printf(out, "%s%.1f,%.1f", first ? "" : " ",
			                  n > 1 ? left + step * (double)i : left + plot_w / 2,
			                  top + plot_h * (1 - s->values[i] / 100));
			first = 0;
		}
		itsma__buf_puts(out, "\"/>\n");
		for (size_t i = 0; i < n; i++) {
			if (isnan(s->values[i]))
				continue;
			itsma__buf_printf(
			    out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>",
			    n > 1 ? left + step * (double)i : left + plot_w / 2,
			    top + plot_h * (1 - s->values[i] / 100), s->colour);
			itsma__html_escape(out, s->name);
			itsma__buf_puts(out, ", ");
			itsma__html_escape(out, labels[i]);
			itsma__buf_printf(out, ": %s</title></circle>\n",
			                  itsma__fmt_pct(b1, s->values[i]));
		}
	}
	/* legend */
	itsma__buf_puts(out, "<g font-size=\"12\" fill=\"#44403c\">\n");
	for (size_t k = 0; k < ns; k++) {
		double x = left + 110 * (double)k;
		itsma__buf_printf(out,
		                  "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" "
		                  "stroke=\"%s\" stroke-width=\"2\"/>"
		                  "<text x=\"%.0f\" y=\"%.0f\">",
		                  x, h - 14, x + 22, h - 14, series[k].colour, x + 28, h - 10);
		itsma__html_escape(out, series[k].name);
		itsma__buf_puts(out, "</text>\n");
	}
	itsma__buf_puts(out, "</g>\n</svg>\n");
}
