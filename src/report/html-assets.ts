import { createHash } from 'node:crypto';

/*
 * The page's only style and script, inline. The CSP allows exactly these two
 * by hash, so nothing a model wrote can add a style, a script or a handler.
 * The filters work without JavaScript (radio buttons and :has()); the script
 * adds the text search and the count of shown cases.
 */

export const CSS = `
:root{--b:#5b7083;--h:#d9822b;--ok:#1a7f37;--no:#cf222e;--err:#9a6700;--line:#d0d7de;--muted:#57606a}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1280px;padding:16px 24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:14px;margin:0 0 8px;font-weight:500}h4{font-size:13px;margin:0 0 6px;font-weight:500;color:var(--muted)}
.summary{font-size:16px;margin:4px 0 12px}.muted{color:var(--muted)}
.verdict{padding:10px 14px;border-radius:6px;font-size:16px;font-weight:600;margin:8px 0}
.verdict.pass{background:#dafbe1;color:#116329}.verdict.fail{background:#ffebe9;color:#a40e26}
.verdict ul{margin:6px 0 0;font-weight:400;font-size:14px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.charts{display:flex;flex-wrap:wrap;gap:24px}figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}
svg text{font:11px system-ui,sans-serif;fill:#1f2328}svg .b{fill:var(--b)}svg .h{fill:var(--h)}svg .axis{stroke:#8c959f}
.filters{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:8px 0 12px}
.filters input[type=radio]{position:absolute;opacity:0}
.filters label{border:1px solid var(--line);border-radius:16px;padding:3px 12px;cursor:pointer;user-select:none}
.filters input:checked+label{background:#0969da;color:#fff;border-color:#0969da}
.filters input:focus-visible+label{outline:2px solid #0969da;outline-offset:2px}
#q{margin-left:12px;padding:4px 8px;min-width:260px;border:1px solid var(--line);border-radius:6px}
#shown{margin-left:8px;color:var(--muted)}
.case{border:1px solid var(--line);border-radius:6px;padding:10px 12px;margin:0 0 10px}
.case.nomatch{display:none}
body:has(#f-regression:checked) .case:not(.is-regression),body:has(#f-failing:checked) .case:not(.is-failing),
body:has(#f-improved:checked) .case:not(.is-improved),body:has(#f-error:checked) .case:not(.is-error){display:none}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}.side{min-width:0}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;border-radius:4px;padding:8px;margin:0 0 6px;font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace}
del{background:#ffcecb;text-decoration:line-through}ins{background:#aceebb;text-decoration:none}
.side ul{list-style:none;padding:0;margin:0;font-size:12.5px}.side li.ok{color:var(--ok)}.side li.no{color:var(--no)}
.err{color:var(--err);margin:0 0 6px}
.st{font-weight:700;padding:0 6px;border-radius:4px;color:#fff}.st.pass{background:var(--ok)}.st.fail{background:var(--no)}.st.error{background:var(--err)}.st.not-run{background:#8c959f}
.badge{font-size:11px;font-weight:700;text-transform:uppercase;padding:1px 6px;border-radius:8px;border:1px solid}
.badge.regression{color:var(--no)}.badge.improved{color:var(--ok)}.badge.failing{color:#bc4c00}.badge.error{color:var(--err)}
@media (max-width:800px){.sides{grid-template-columns:1fr}}
@media print{.filters{display:none}}
`;

export const SCRIPT = `
(function () {
  var q = document.getElementById('q');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('.case'));
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function update() {
    var term = q.value.trim().toLowerCase();
    var visible = 0;
    rows.forEach(function (r, i) {
      r.classList.toggle('nomatch', term !== '' && texts[i].indexOf(term) < 0);
      if (r.offsetParent !== null) visible++;
    });
    shown.textContent = visible + ' of ' + rows.length + ' shown';
  }
  q.hidden = false;
  q.addEventListener('input', update);
  Array.prototype.forEach.call(document.querySelectorAll('input[name=filter]'), function (f) { f.addEventListener('change', update); });
  update();
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Nothing may load: no fetch, image, font, frame, form target or base URL; only the hashed style and script run. */
export const CSP = ["default-src 'none'", `style-src ${sha256(CSS)}`, `script-src ${sha256(SCRIPT)}`, "img-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');
