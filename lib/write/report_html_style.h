// The style sheet of the HTML coverage report (report_html.cpp), kept apart so that the
// writer reads as structure. Screen and print; no web fonts: system fonts with CJK fallbacks.
#pragma once

namespace anchoralign::detail {

inline constexpr const char* kReportCss = R"css(
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --paper: #ffffff; --band: #f6f8fa;
  --error: #c62828; --error-bg: #fdecea; --warning: #b26a00; --warning-bg: #fff4e0;
  --info: #1565c0; --info-bg: #e8f0fe; --good: #2e7d32; --addition: #e8710a;
  --addition-bg: #fff1e0; --term: #ffe08a; --low: #7b1fa2; --low-bg: #f6ebfb;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: var(--paper); line-height: 1.55; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    sans-serif;
}
:lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
header.summary { padding: 28px 40px 18px; background: var(--band);
  border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 4px; font-size: 22px; font-weight: 650; letter-spacing: -0.01em; }
h2 { display: inline; margin: 0; font-size: 17px; font-weight: 650; }
.files { margin: 0 0 18px; color: var(--muted); }
.files .role { font-weight: 600; color: var(--ink); }
.file { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
.lang { display: inline-block; padding: 0 6px; margin-left: 2px; border: 1px solid var(--line);
  border-radius: 4px; font-size: 12px; color: var(--muted); background: var(--paper); }
.arrow { margin: 0 14px; color: var(--muted); }
.coverage { max-width: 980px; }
.headline { font-size: 15px; margin-bottom: 6px; }
.big { font-size: 30px; font-weight: 700; margin-right: 8px; font-variant-numeric: tabular-nums; }
.good .big { color: var(--good); } .fair .big { color: var(--warning); }
  .poor .big { color: var(--error); }
.bar { height: 12px; border-radius: 6px; background: var(--error-bg); overflow: hidden;
  box-shadow: inset 0 0 0 1px rgba(0,0,0,0.06); }
.bar .fill { display: block; height: 100%; background: var(--good); }
.fair .bar .fill { background: #f9a825; } .poor .bar .fill { background: var(--error); }
.figures { display: flex; flex-wrap: wrap; gap: 8px 36px; margin: 14px 0 0; }
.figures dt { font-size: 12px; color: var(--muted); text-transform: uppercase;
  letter-spacing: 0.04em; }
.figures dd { margin: 0; font-size: 16px; font-weight: 600; font-variant-numeric: tabular-nums; }
.figures small { font-weight: 400; color: var(--muted); font-size: 13px; }
ul.counts { display: flex; gap: 10px; list-style: none; padding: 0; margin: 16px 0 12px; }
ul.counts li { padding: 2px 12px; border-radius: 999px; font-size: 13px;
  border: 1px solid currentColor; }
ul.counts li.zero { opacity: 0.45; }
ul.counts .sev-error { color: var(--error); } ul.counts .sev-warning { color: var(--warning); }
ul.counts .sev-info { color: var(--info); }
nav.map { display: flex; height: 14px; gap: 1px; border-radius: 3px; overflow: hidden;
  background: var(--line); border: 1px solid var(--line); }
nav.map .seg { flex-basis: 0; min-width: 0; background: #cfe8d1; }
nav.map .seg.omission { background: var(--error); }
  nav.map .seg.addition { background: var(--addition); }
nav.map .seg.sev-error { background: var(--error); }
  nav.map .seg.sev-warning { background: #f9a825; }
nav.map .seg.sev-info { background: #90caf9; }
main { padding: 8px 40px 40px; }
details.findings { margin: 18px 0 22px; }
details.findings summary { cursor: pointer; padding: 6px 0; }
details.findings .n { color: var(--muted); font-weight: 500; margin-left: 4px; }
details.findings ol { list-style: none; padding: 0; margin: 8px 0 0;
  border-top: 1px solid var(--line); }
li.finding { padding: 8px 12px; border-bottom: 1px solid var(--line);
  border-left: 4px solid currentColor; color: var(--ink); }
li.finding.sev-error { border-left-color: var(--error); }
  li.finding.sev-warning { border-left-color: #f9a825; }
li.finding.sev-info { border-left-color: #90caf9; }
li.finding a { color: inherit; text-decoration: none; display: grid;
  grid-template-columns: 84px 170px 1fr; align-items: baseline; }
li.finding a:hover .where { text-decoration: underline; }
li.finding .sev { font-size: 11px; font-weight: 700; text-transform: uppercase;
  letter-spacing: 0.05em; }
li.finding.sev-error .sev { color: var(--error); }
  li.finding.sev-warning .sev { color: var(--warning); }
li.finding.sev-info .sev { color: var(--info); }
li.finding .kind { font-weight: 600; }
li.finding .where { color: var(--muted); font-size: 13px; }
li.finding .msg { margin: 2px 0 0 84px; }
li.finding .ev { margin: 0 0 0 84px; color: var(--muted); font-size: 13px; }
p.nothing { color: var(--good); }
input.toggle { margin: 0 6px 0 0; vertical-align: middle; }
label.toggle { font-size: 14px; cursor: pointer; user-select: none; }
ul.legend { display: inline-flex; flex-wrap: wrap; gap: 4px 20px; list-style: none;
  margin: 0 0 0 28px;
  padding: 0; font-size: 13px; color: var(--muted); vertical-align: middle; }
.chip { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px;
  vertical-align: -1px; }
.chip.omission { background: var(--error-bg); box-shadow: inset 3px 0 0 var(--error); }
.chip.addition { background: var(--addition-bg); box-shadow: inset 3px 0 0 var(--addition); }
.chip.low-score { background: var(--low-bg); box-shadow: inset 3px 0 0 var(--low); }
table.beads { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 14px; }
col.c-num { width: 56px; } col.c-notes { width: 230px; }
table.beads thead th { position: sticky; top: 0; z-index: 1; background: var(--paper);
  text-align: left;
  font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase;
  letter-spacing: 0.04em;
  padding: 10px 12px; border-bottom: 2px solid var(--ink); }
table.beads thead .file { text-transform: none; letter-spacing: 0; font-weight: 400;
  margin-left: 6px; }
table.beads td { vertical-align: top; padding: 8px 12px; border-bottom: 1px solid var(--line);
  overflow-wrap: anywhere; }
tr.para td { border-top: 2px solid #afb8c1; }
td.num { font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; }
td.num a { color: inherit; text-decoration: none; }
td.src, td.tgt { font-size: 15px; }
span.s sup { font-size: 10px; color: #8c959f; margin-right: 3px;
  font-variant-numeric: tabular-nums; }
span.none { color: #8c959f; font-style: italic; font-size: 13px; }
td.empty { background: repeating-linear-gradient(135deg, #fafbfc 0 6px, #f1f3f5 6px 12px); }
span.s.gap { background: var(--error-bg); box-shadow: inset 3px 0 0 var(--error);
  padding: 1px 4px 1px 7px;
  border-radius: 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
td.tgt span.s.gap { background: var(--addition-bg); box-shadow: inset 3px 0 0 var(--addition); }
tr.low-score td.src, tr.low-score td.tgt { background: var(--low-bg); }
tr.low-score td.num { box-shadow: inset 3px 0 0 var(--low); }
mark.term { background: var(--term); color: inherit; padding: 0 2px; border-radius: 2px;
  box-shadow: inset 0 -2px 0 #e0a800; }
td.notes { font-size: 12px; color: var(--muted); }
td.notes .score { font-variant-numeric: tabular-nums; }
td.notes .note { display: block; margin-top: 4px; padding: 2px 6px; border-radius: 3px;
  font-size: 12px; line-height: 1.4; }
td.notes .note.sev-error { background: var(--error-bg); }
td.notes .note.sev-warning { background: var(--warning-bg); }
td.notes .note.sev-info { background: var(--info-bg); }
tr:target td { outline: 2px solid #0969da; outline-offset: -2px; }
#only-findings:checked ~ table.beads tbody tr:not(.flagged) { display: none; }
footer { padding: 16px 40px 32px; color: var(--muted); font-size: 12px;
  border-top: 1px solid var(--line); }
@media (max-width: 800px) {
  header.summary, main, footer { padding-left: 14px; padding-right: 14px; }
  col.c-notes { width: 120px; } col.c-num { width: 40px; }
}
@media print {
  @page { margin: 14mm 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 9.5pt; }
  header.summary { background: none; padding: 0 0 10px; }
  main, footer { padding-left: 0; padding-right: 0; }
  nav.map, input.toggle, label.toggle { display: none; }
  table.beads thead { display: table-header-group; }
  table.beads thead th { position: static; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  li.finding { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  td.src, td.tgt { font-size: 9.5pt; }
  col.c-notes { width: 150px; } col.c-num { width: 42px; }
  table.beads td, table.beads thead th { padding: 5px 6px; }
}
)css";

}  // namespace anchoralign::detail
