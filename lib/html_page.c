/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The frame of itsma's HTML pages (the report and the trend): the document head with its
 * Content-Security-Policy and style sheet, and the closing script that sorts tables. The
 * pages load nothing from anywhere and print well.
 */
#include "internal/report.h"

static const char *const style[] = {
	":root{--ink:#1c1917;--muted:#57534e;--line:#e7e5e4;--bg:#f7f7f5;--card:#fff;",
	"--n:#c2410c;--p:#d97706;--l:#0e7490;--f:#15803d;--accent:#2563eb}\n",
	"*{box-sizing:border-box}\n",
	"body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 "
	"system-ui,-apple-system,",
	"\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n",
	"header.top{background:#292524;color:#fafaf9;padding:28px 0 24px}\n",
	".wrap{max-width:1160px;margin:0 auto;padding:0 28px}\n",
	"header.top h1{margin:0 0 6px;font-size:26px;font-weight:600;letter-spacing:-.01em}\n",
	"header.top p{margin:0;color:#d6d3d1;font-size:14px}\n",
	"main{padding:24px 0 40px}\n",
	"section{background:var(--card);border:1px solid var(--line);border-radius:10px;",
	"padding:20px 24px;margin:0 0 20px}\n",
	"h2{font-size:19px;margin:0 0 12px;font-weight:600}\n",
	"h3{font-size:16px;margin:18px 0 8px;font-weight:600}\n",
	"p.lead{margin:0 0 14px;color:var(--muted)}\n",
	".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:14px;",
	"background:none;border:0;padding:0}\n",
	".card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px "
	"16px}\n",
	".card "
	".k{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}\n",
	".card .v{font-size:28px;font-weight:600;margin:2px 0}\n",
	".card.verdict{grid-column:span 2}.card.verdict .v{font-size:26px}\n",
	".card .s{font-size:13px;color:var(--muted)}\n",
	".verdict-conformant{border-top:4px solid var(--f)}.verdict-conformant "
	".v{color:var(--f)}\n",
	".verdict-conditional{border-top:4px solid var(--l)}.verdict-conditional "
	".v{color:var(--l)}\n",
	".verdict-incomplete{border-top:4px solid var(--p)}.verdict-incomplete "
	".v{color:var(--p)}\n",
	".verdict-nonconformant{border-top:4px solid var(--n)}.verdict-nonconformant "
	".v{color:var(--n)}\n",
	".charts{display:grid;grid-template-columns:1fr "
	"1fr;align-items:start;gap:20px;background:none;border:0;padding:0}\n",
	".charts figure{margin:0;background:var(--card);border:1px solid "
	"var(--line);border-radius:10px;",
	"padding:16px 18px}\n",
	"figcaption{font-weight:600;margin-bottom:8px}\n",
	"figcaption span{display:block;font-weight:400;font-size:13px;color:var(--muted)}\n",
	"svg.chart{width:100%;height:auto;display:block}\n",
	"table{border-collapse:collapse;width:100%;font-size:14px}\n",
	"th,td{text-align:left;padding:6px 8px;border-bottom:1px solid "
	"var(--line);vertical-align:top}\n",
	"th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);",
	"font-weight:600;white-space:nowrap}\n",
	"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n",
	"td.c,th.c{text-align:center}\n",
	"table.sortable th{cursor:pointer;user-select:none}\n",
	"table.sortable th::after{content:\"\";margin-left:4px}\n",
	"table.sortable th[aria-sort=ascending]::after{content:\"\\25B2\"}\n",
	"table.sortable th[aria-sort=descending]::after{content:\"\\25BC\"}\n",
	"tbody tr:hover{background:#fafaf9}\n",
	".b{display:inline-block;min-width:1.7em;padding:0 5px;border-radius:4px;color:#fff;",
	"text-align:center;font-weight:600;font-size:12px}\n",
	".b-N{background:var(--n)}.b-P{background:var(--p)}.b-L{background:var(--l)}.b-F{"
	"background:var(--f)}\n",
	".b-none{background:#a8a29e}.b-quiet{background:#e7e5e4;color:#78716c}\n"
	"td.nw{white-space:nowrap}\n",
	".tag{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px;border:1px solid "
	"var(--line)}\n",
	".tag.major{color:#9a3412;border-color:#fdba74;background:#fff7ed}\n",
	".tag.minor{color:#0e7490;border-color:#a5f3fc;background:#ecfeff}\n",
	".tag.unassessed{color:#854d0e;border-color:#fde68a;background:#fefce8}\n",
	".up{color:var(--f)}.down{color:#b91c1c}.muted{color:var(--muted)}\n",
	".guidance{color:var(--muted);font-size:13px}\n",
	".pill{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:2px;",
	"background:#e7e5e4}\n.pill.on{background:var(--accent)}\n",
	"details summary{cursor:pointer;font-weight:600;font-size:16px;margin:14px 0 8px}\n",
	"footer{color:var(--muted);font-size:13px;padding:0 0 30px}\n",
	"code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}\n",
	"@media (max-width:860px){.charts{grid-template-columns:1fr}}\n",
	"@media print{body{background:#fff;font-size:11px}header.top{background:#fff;color:#000;",
	"padding:0 0 8px;border-bottom:2px solid #000}header.top p{color:#333}",
	".wrap{max-width:none;padding:0}section,.charts figure,.card{border:1px solid #ccc;",
	"break-inside:avoid;page-break-inside:avoid}section.long{break-inside:auto;page-break-"
	"inside:auto}",
	"tr{break-inside:avoid}thead{display:table-header-group}",
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}",
	".charts{grid-template-columns:1fr 1fr}table.sortable th::after{content:\"\"}}\n",
	NULL
};

static const char script[] =
    "(function(){\n"
    "function key(td){var v=td.getAttribute('data-sort');return "
    "v!==null?v:td.textContent.trim();}\n"
    "var num=/^-?\\d+(\\.\\d+)?$/;\n"
    "Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(t){\n"
    " var ths=t.tHead.rows[0].cells;\n"
    " Array.prototype.forEach.call(ths,function(th,i){\n"
    "  th.tabIndex=0;th.title='Sort';\n"
    "  function go(){\n"
    "   var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;\n"
    "   Array.prototype.forEach.call(ths,function(h){h.removeAttribute('aria-sort');});\n"
    "   th.setAttribute('aria-sort',dir===1?'ascending':'descending');\n"
    "   var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);\n"
    "   rows.sort(function(x,y){var a=key(x.cells[i]),b=key(y.cells[i]);\n"
    "    var r=num.test(a)&&num.test(b)?parseFloat(a)-parseFloat(b):"
    "a.localeCompare(b,undefined,{numeric:true});return r*dir;});\n"
    "   rows.forEach(function(r){body.appendChild(r);});\n"
    "  }\n"
    "  th.addEventListener('click',go);\n"
    "  th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' "
    "'){e.preventDefault();go();}});\n"
    " });\n"
    "});\n"
    "window.addEventListener('beforeprint',function(){"
    "Array.prototype.forEach.call(document.querySelectorAll('details'),function(d){d.open=true;});}"
    ");\n"
    "})();\n";

/*
 * The page's Content-Security-Policy allows its one <style> element and its one <script>
 * element by the SHA-256 of their text (the text between the tags: a newline, then the
 * style or the script above), and nothing else: no other script, style, image, font or
 * connection. Both texts are constants, so their hashes are too; tests/python
 * test_report.py recomputes them from a rendered page with hashlib, so a change to the
 * style or the script that forgets its hash fails the tests.
 */
#define STYLE_SHA256  "aYpiKl3DqS/Wts7CBmHdBvUo1XTo3L/MFMNiREJ8Mp8="
#define SCRIPT_SHA256 "r5nxLpkLEd2b3X9VJxSI61eabxenHa7BZeu/55niLpY="

void itsma__html_begin(itsma__buf *out, const char *title, const char *date)
{
	itsma__buf_puts(
	    out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	         "style-src 'sha256-" STYLE_SHA256 "'; script-src 'sha256-" SCRIPT_SHA256 "'\">\n"
	         "<meta name=\"generator\" content=\"itsma\">\n<title>");
	itsma__html_escape(out, title);
	itsma__buf_printf(out, " \xE2\x80\x94 %s</title>\n<style>\n", date);
	for (size_t i = 0; style[i]; i++)
		itsma__buf_puts(out, style[i]);
	itsma__buf_puts(out, "</style>\n</head>\n<body>\n");
}

void itsma__html_end(itsma__buf *out)
{
	itsma__buf_puts(out, "<script>\n");
	itsma__buf_puts(out, script);
	itsma__buf_puts(out, "</script>\n</body>\n</html>\n");
}
