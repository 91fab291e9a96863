// Every text box inside each Plotly chart on the page, checked against the chart's bounds, its plot areas,
// its reference lines and each other (tools/chart_text.py and tests/e2e/test_chart_text.py run it).
// Returns one entry per chart: {index, width, height, texts, problems: [..]}; a problem names the texts.
(root) => {
  const visible = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const overlap = (a, b, slack) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack &&
                                    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
  const charts = [...(root || document).querySelectorAll(".js-plotly-plot")].filter(visible);
  return charts.map((div, index) => {
    const box = div.getBoundingClientRect();
    const texts = [...div.querySelectorAll("svg text")]
      .filter((el) => el.textContent.trim() && visible(el) && !el.closest(".hoverlayer"))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const kind = el.closest(".legend") ? "legend" : el.closest(".annotation") ? "annotation"
          : [el, el.parentElement].some((e) => /(^| )[xy]\d*tick( |$)/.test(e.getAttribute("class") || "")) ? "tick"
          : /title/.test(el.getAttribute("class") || "") ? "title" : el.closest(".cbaxis, .colorbar") ? "colorbar"
          : el.closest(".contourlabels") ? "contourlabel" : el.closest(".textpoint") ? "pointlabel" : "text";
        // A contour label, or an annotation placed on an axis (a label on a line or a curve), belongs inside the
        // plot area; one placed on the paper (a subplot's title) must stay off every plot area.
        const note = el.closest(".annotation");
        const spec = note ? (div._fullLayout.annotations || [])[Number(note.getAttribute("data-index"))] || {} : {};
        const inPlot = kind === "contourlabel" || kind === "pointlabel" || (kind === "annotation" && (spec.xref !== "paper" || spec.yref !== "paper"));
        return {text: el.textContent.trim(), kind, inPlot, left: r.left, top: r.top, right: r.right, bottom: r.bottom};
      })
      .filter((t) => t.right > t.left && t.bottom > t.top);
    const areas = [...div.querySelectorAll(".draglayer .nsewdrag")].map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    // Reference lines: the shapes drawn as lines (a shaded band is not one).
    const lines = [...div.querySelectorAll(".shapelayer path")].map((el) => el.getBoundingClientRect())
      .filter((r) => Math.min(r.width, r.height) < 3);
    const problems = [];
    const name = (t) => `${t.kind} "${t.text}"`;
    for (const t of texts) {
      if (t.left < box.left - 0.5 || t.right > box.right + 0.5 || t.top < box.top - 0.5 || t.bottom > box.bottom + 0.5)
        problems.push(`${name(t)} leaves the chart (${Math.round(t.left - box.left)}..${Math.round(t.right - box.left)} x ` +
                      `${Math.round(t.top - box.top)}..${Math.round(t.bottom - box.top)} of ${Math.round(box.width)} x ${Math.round(box.height)})`);
      if (!t.inPlot)
        for (const a of areas) if (overlap(t, a, 1)) { problems.push(`${name(t)} overlaps a plot area`); break; }
      for (const l of lines)
        if (overlap(t, {left: l.left, right: l.right, top: l.top - 0.5, bottom: l.bottom + 0.5}, 0.5)) {
          problems.push(`${name(t)} is crossed by a reference line`); break;
        }
    }
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        if (overlap(texts[i], texts[j], 1)) problems.push(`${name(texts[i])} overlaps ${name(texts[j])}`);
    return {index, width: Math.round(box.width), height: Math.round(box.height), texts: texts.length, problems};
  });
}
