/// The inline stylesheet of `profile.html`: screen and A4 print.
enum ProfileHTMLStyle {
    static let css = """
    :root { --ink: #1d2733; --muted: #5b6875; --rule: #d5dbe1; --band-bg: #f4f6f8; }
    * { box-sizing: border-box; }
    body { font-family: "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 18px 28px 40px; font-size: 14px; line-height: 1.45; }
    .marking { text-align: center; font-weight: bold; letter-spacing: 0.08em; font-size: 12px; color: #7a1c1c; border: 1px solid #7a1c1c; padding: 2px; margin-bottom: 10px; }
    header h1 { font-size: 24px; margin: 4px 0 2px; }
    header p { margin: 2px 0; color: var(--muted); }
    h2 { font-size: 18px; border-bottom: 2px solid var(--ink); padding-bottom: 3px; margin: 26px 0 10px; }
    h3 { font-size: 15px; margin: 18px 0 6px; }
    .judgements { background: var(--band-bg); border-left: 4px solid #b2182b; padding: 8px 14px; margin: 12px 0; }
    .judgements ul { margin: 4px 0; padding-left: 18px; }
    .caveat { font-weight: bold; }
    .overview { display: flex; gap: 18px; align-items: flex-start; }
    .overview .chartbox { flex: 1 1 auto; }
    .overview .bands { flex: 0 0 240px; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 10px; }
    th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
    th { background: var(--band-bg); font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .badge { display: inline-block; padding: 1px 7px; border-radius: 9px; color: #fff; font-size: 12px; font-weight: 600; white-space: nowrap; }
    .muted { color: var(--muted); }
    .premises { border: 1px solid var(--rule); border-radius: 4px; padding: 8px 12px; margin: 12px 0; }
    .premises dl { display: grid; grid-template-columns: 160px 1fr; gap: 2px 10px; margin: 6px 0; }
    .premises dt { color: var(--muted); }
    .premises dd { margin: 0; }
    .snippet { font-style: italic; }
    svg { width: 100%; height: auto; display: block; }
    svg .grid { stroke: #e3e7eb; stroke-width: 1; }
    svg .axis { stroke: #6b7580; stroke-width: 1; }
    svg .ylabel { font-size: 10px; text-anchor: end; fill: #5b6875; }
    svg .xlabel { font-size: 10px; text-anchor: middle; fill: #5b6875; }
    svg .legend { font-size: 11px; fill: #1d2733; }
    svg .trendline { fill: none; stroke: #1d2733; stroke-width: 1.6; }
    svg .mapbg { fill: #f7f9fa; stroke: var(--rule); }
    svg .hotel { fill: #9aa5b1; }
    svg .flagged { stroke: #fff; stroke-width: 1.5; }
    svg .ranklabel { font-size: 10px; font-weight: bold; fill: #fff; text-anchor: middle; }
    svg .district { font-size: 13px; fill: #b6c0ca; font-weight: bold; text-anchor: middle; }
    .map { max-width: 720px; }
    footer { margin-top: 30px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); padding-top: 6px; }
    code { font-size: 12px; word-break: break-all; }
    @page { size: A4 portrait; margin: 14mm 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      h2 { break-after: avoid; }
      .premises, tr, svg, .judgements { break-inside: avoid; }
      thead { display: table-header-group; }
      #premises, #hotspots { break-before: page; }
      .overview { display: block; }
    }
    """
}
