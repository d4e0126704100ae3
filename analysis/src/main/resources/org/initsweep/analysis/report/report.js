/* initsweep report: draws the charts of the sweep from the JSON data island with Apache ECharts.
   Every value from the data goes into the page as text (textContent) or, for tooltips, through
   esc(); nothing from the data is ever parsed as HTML. After drawing, the page checks itself
   (selfcheck below) and writes the result into the hidden selfcheck element for tests and curious readers. */
(function () {
  'use strict';

  // Okabe–Ito, as in the PNG charts (ChartStyle): regimes, then lines in the same order.
  var REGIMES = ['vanishing', 'stable', 'exploding'];
  var REGIME_COLOUR = { vanishing: '#0072B2', stable: '#009E73', exploding: '#D55E00' };
  var REGIME_TEXT = { vanishing: '#ffffff', stable: '#000000', exploding: '#000000' };
  var LINE_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'];
  var VIRIDIS = ['#440154', '#482878', '#3E4A89', '#31688E', '#26828E', '#1F9E89', '#35B779', '#6DCD59',
    '#B4DE2C', '#FDE725'];
  // where a value is missing (a diverged network's boundary, a cell without an accuracy), as the PNGs' ChartStyle.NAN_GREY
  var NAN_GREY = '#C0C0C0';
  var SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow', 'emptyCircle'];
  var FONT = 'system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif';
  var MINUS = '\u2212';

  var errors = window.__initsweepErrors || [];
  var data;
  try {
    data = JSON.parse(document.getElementById('report-data').textContent);
  } catch (e) {
    errors.push('report data is not valid JSON: ' + e.message);
    data = {};
  }
  var charts = [];
  var expectedCharts = 0;
  var pageMultipliers = multipliersOf(data);

  /**
   * Every multiplier m a series of the page is drawn for, sorted: m keeps one colour and one symbol
   * in every chart of the page, whichever multipliers a chart leaves out.
   */
  function multipliersOf(root) {
    var seen = {};
    (function walk(x) {
      if (Array.isArray(x)) { x.forEach(walk); return; }
      if (!x || typeof x !== 'object') { return; }
      Object.keys(x).forEach(function (k) {
        if (k === 'series' && Array.isArray(x[k])) {
          x[k].forEach(function (s) { if (s && typeof s.m === 'number') { seen[s.m] = s.m; } });
        }
        walk(x[k]);
      });
    })(root);
    return Object.keys(seen).map(function (k) { return seen[k]; }).sort(function (a, b) { return a - b; });
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** An element with attributes and children; strings become text nodes (never HTML). */
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] !== null && attrs[k] !== undefined) { e.setAttribute(k, String(attrs[k])); }
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }

  function num(v) {
    if (typeof v === 'number') { return v; }
    if (v === 'Infinity') { return Infinity; }
    if (v === '-Infinity') { return -Infinity; }
    return NaN;
  }

  /** Four significant digits, no trailing zeros, plain from 1e-3 to 1e5, else 1.5e−5; U+2212 minus. */
  function fmt(v) {
    v = num(v);
    if (isNaN(v)) { return 'NaN'; }
    if (!isFinite(v)) { return v > 0 ? '\u221e' : MINUS + '\u221e'; }
    if (v === 0) { return '0'; }
    var a = Math.abs(v);
    var s;
    if (a >= 1e-3 && a < 1e5) {
      s = String(parseFloat(v.toPrecision(4)));
    } else {
      var parts = v.toExponential(3).split('e');
      s = String(parseFloat(parts[0])) + 'e' + parseInt(parts[1], 10);
    }
    return s.replace(/-/g, MINUS);
  }

  function signed(v) {
    var n = num(v);
    return (n > 0 ? '+' : '') + fmt(v);
  }

  var SUP = { '-': '\u207b', '0': '\u2070', '1': '\u00b9', '2': '\u00b2', '3': '\u00b3', '4': '\u2074',
    '5': '\u2075', '6': '\u2076', '7': '\u2077', '8': '\u2078', '9': '\u2079' };

  /** Tick label of a log axis at log₁₀ value k: 0.1, 1, 10 plainly, else 10ᵏ. */
  function decadeLabel(k) {
    var r = Math.round(k);
    if (Math.abs(k - r) > 1e-9) { return fmt(Math.pow(10, k)); }
    if (r >= -1 && r <= 1) { return fmt(Math.pow(10, r)); }
    return '10' + String(r).split('').map(function (c) { return SUP[c]; }).join('');
  }

  /** log₁₀ of a value a log axis can place (finite, > 0), else null. */
  function log10OrNull(v) {
    return typeof v === 'number' && v > 0 && isFinite(v) ? Math.log10(v) : null;
  }

  // ECharts' own log axis rounds its tick values to 10 decimals, so every tick below 1e-10 reads 0
  // (vanishing variances reach 1e-40): log axes are value axes over log₁₀ of the data instead, with
  // a whole number of decades between ticks, at most LOG_LABEL_DECADES.
  var LOG_LABEL_DECADES = 10;
  // The self-check's tallest table row, px: about six lines of a table's text
  var MAX_ROW_PX = 120;
  // Table cells with more characters than this are set as prose: left-aligned in a wide column (report.css td.long)
  var LONG_CELL = 40;

  /** A log axis (value axis over log₁₀) spanning [lo, hi] in log₁₀ units; series give [x, log₁₀ v, v]. */
  function logAxis(name, gap, lo, hi) {
    if (!(isFinite(lo) && isFinite(hi))) { lo = 0; hi = 1; }
    var span = Math.max(1, Math.ceil(hi) - Math.floor(lo));
    var step = [1, 2, 5].filter(function (s) { return span / s <= 8; })[0] || LOG_LABEL_DECADES;
    var min = Math.floor(lo / step) * step;
    var max = Math.max(Math.ceil(hi / step) * step, min + step);
    return merge(axisCommon(name, gap), {
      type: 'value', min: min, max: max, interval: step, initsweepLog10: true,
      axisLabel: merge(axisCommon('', 0).axisLabel, { formatter: decadeLabel }) });
  }

  /** The value of a tooltip's point: v of [x, log₁₀ v, v] on a log axis, y of [x, y] otherwise. */
  function pointValue(p) {
    return p.value.length > 2 ? p.value[2] : p.value[1];
  }

  /** The smallest and largest log₁₀ over series of [x, log₁₀ v, v] points. */
  function logExtent(series) {
    var lo = Infinity, hi = -Infinity;
    series.forEach(function (s) {
      s.data.forEach(function (p) {
        if (p[1] !== null && p[1] !== undefined) { lo = Math.min(lo, p[1]); hi = Math.max(hi, p[1]); }
      });
    });
    return [lo, hi];
  }

  /** The page's colour of multiplier m (see multipliersOf). */
  function mColour(m) {
    var i = pageMultipliers.indexOf(m);
    return i < 0 ? '#777777' : lineColour(i, pageMultipliers.length);
  }

  function mSymbol(m) {
    var i = pageMultipliers.indexOf(m);
    return SYMBOLS[(i < 0 ? 0 : i) % SYMBOLS.length];
  }

  function lineColour(i, n) {
    if (n <= LINE_COLOURS.length) { return LINE_COLOURS[i]; }
    var t = n === 1 ? 0 : 0.9 * i / (n - 1);
    var pos = t * (VIRIDIS.length - 1);
    var j = Math.min(Math.floor(pos), VIRIDIS.length - 2);
    var f = pos - j;
    var a = hexRgb(VIRIDIS[j]);
    var b = hexRgb(VIRIDIS[j + 1]);
    return '#' + [0, 1, 2].map(function (c) {
      return ('0' + Math.round(a[c] + f * (b[c] - a[c])).toString(16)).slice(-2);
    }).join('');
  }

  function hexRgb(h) {
    return [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
  }

  function swatch(colour) {
    return '<span class="tt-swatch" style="background:' + esc(colour) + '"></span>';
  }

  /** A line's or view's multiplier; a fixed scheme (zero, constant, identity_scaled) has none. */
  function mLabel(m) {
    return m === null || m === undefined ? 'fixed scheme (no m)' : 'm = ' + fmt(m);
  }

  // After training, a sweep over optimizers or learning rates gives each m one line per setting: the
  // name says which (s.setting), the dash pattern shows it (s.setting_index, the same in every chart
  // of a group and as on the PNGs), the colour stays the multiplier's.
  var SETTING_DASHES = ['solid', [8, 5], [2, 4], [10, 4, 2, 4], [16, 6], [10, 4, 2, 4, 2, 4], [2, 8], [16, 4, 6, 4]];

  function lineName(s) {
    return mLabel(s.m) + (s.setting ? ', ' + s.setting : '');
  }

  function hasSettings(list) {
    return list.some(function (s) { return !!s.setting; });
  }

  /** The dash pattern of each line of a chart. */
  function settingDashes(list) {
    return list.map(function (s) {
      return s.setting ? SETTING_DASHES[(s.setting_index || 0) % SETTING_DASHES.length] : 'solid';
    });
  }

  /** Line widths: the patterns repeat after the eighth setting in thin lines (as on the PNGs). */
  function settingWidths(list) {
    return list.map(function (s) { return s.setting && s.setting_index >= SETTING_DASHES.length ? 1 : 2; });
  }

  /**
   * The legend of lines that differ in setting: a row per multiplier ('' starts a row of an ECharts legend),
   * icons long enough to show the dashes. {@link fitLegend} gives it room.
   */
  function settingLegend(list, names) {
    var data = [];
    list.forEach(function (s, i) {
      if (i > 0 && s.m !== list[i - 1].m) { data.push(''); }
      data.push(names[i]);
    });
    return merge(legend(), { data: data, itemWidth: 40 });
  }

  var LEGEND_ROW = 28; // an item's 14 px and the gap to the next row
  var textCanvas = null;

  function textWidth(s) {
    textCanvas = textCanvas || document.createElement('canvas').getContext('2d');
    textCanvas.font = '12px ' + FONT;
    return textCanvas.measureText(s).width;
  }

  /** Rows of a legend of these names ('' starts a row) in {@code width} px, wrapped as ECharts wraps its items. */
  function legendRows(names, width, itemWidth, gap) {
    var rows = 1, x = 0;
    names.forEach(function (n) {
      if (n === '') {
        if (x > 0) { rows++; x = 0; }
        return;
      }
      var w = itemWidth + 5 + textWidth(n);
      if (x > 0 && x + w > width) { rows++; x = 0; }
      x += w + gap;
    });
    return rows;
  }

  /**
   * A chart of {@code width} × {@code height} px whose legend has rows of its own (settingLegend): the grid's
   * bottom and the height grow by the rows past the first, measured at this width, so the legend never
   * covers the axis.
   */
  function fitLegend(option, width, height) {
    var l = option.legend;
    if (!l || !l.data || l.data.indexOf('') < 0) { return { option: option, height: height }; }
    var extra = (legendRows(l.data, width - 10, l.itemWidth || 25, l.itemGap || 10) - 1) * LEGEND_ROW;
    return { option: merge(option, { grid: merge(option.grid, { bottom: option.grid.bottom + extra }) }),
      height: height + extra };
  }

  var baseText = { fontFamily: FONT, color: '#222', fontSize: 12 };

  function axisCommon(name, gap) {
    return {
      name: name, nameLocation: 'middle', nameGap: gap,
      nameTextStyle: { fontFamily: FONT, fontSize: 13, color: '#111' },
      axisLabel: { fontFamily: FONT, fontSize: 12, color: '#333' },
      axisLine: { show: true, lineStyle: { color: '#888' } },
      axisTick: { show: true, lineStyle: { color: '#888' } },
      splitLine: { show: true, lineStyle: { color: '#e4e4e4' } }
    };
  }

  function merge(a, b) {
    var o = {};
    Object.keys(a).forEach(function (k) { o[k] = a[k]; });
    Object.keys(b).forEach(function (k) { o[k] = b[k]; });
    return o;
  }

  function legend() {
    return { bottom: 0, left: 'center', textStyle: baseText, itemGap: 14 };
  }

  // ---------------------------------------------------------------------------------------------
  // Regime heatmap over depth × multiplier (x: log₂ m, drawn as value axis; y: depth index)

  function cellEdges(lx) {
    return lx.map(function (x, i) {
      var left = i > 0 ? (lx[i - 1] + x) / 2 : (lx.length > 1 ? x - (lx[1] - x) / 2 : x - 0.5);
      var right = i < lx.length - 1 ? (x + lx[i + 1]) / 2 : (lx.length > 1 ? x + (x - lx[i - 1]) / 2 : x + 0.5);
      return [left, right];
    });
  }

  /** Where the backward rate crosses 0 along m, per depth (log-linear interpolation): the measured m*. */
  function measuredCritical(h) {
    var out = [];
    h.depths.forEach(function (d, yi) {
      var row = h.cells.filter(function (c) { return c.depth === d; })
        .sort(function (a, b) { return a.m - b.m; });
      for (var i = 0; i + 1 < row.length; i++) {
        var b0 = num(row[i].backward_rate);
        var b1 = num(row[i + 1].backward_rate);
        if (isFinite(b0) && isFinite(b1) && b0 !== b1 && (b0 < 0) !== (b1 < 0)) {
          var x0 = Math.log2(row[i].m);
          var x1 = Math.log2(row[i + 1].m);
          var x = x0 + (0 - b0) * (x1 - x0) / (b1 - b0);
          out.push({ value: [x, yi - 0.2], depth: d, m: Math.pow(2, x) });
          break;
        }
      }
    });
    return out;
  }

  var CELL_FONT = '11px ' + FONT;
  var measureCanvas = null;

  function textWidth(s) {
    measureCanvas = measureCanvas || document.createElement('canvas').getContext('2d');
    measureCanvas.font = CELL_FONT;
    return measureCanvas.measureText(s).width;
  }

  /**
   * A heatmap cell's rates, on one line or two, or null when neither fits inside the cell of w × h
   * pixels (the tooltip still has them): text never spills into a neighbouring cell.
   */
  function cellText(c, w, h) {
    var fwd = '\u2192 ' + signed(c.forward_rate);
    var bwd = '\u2190 ' + signed(c.backward_rate);
    var pad = 8;
    if (h >= 22 && textWidth(fwd + '   ' + bwd) + pad <= w) { return fwd + '   ' + bwd; }
    if (h >= 40 && Math.max(textWidth(fwd), textWidth(bwd)) + pad <= w) { return fwd + '\n' + bwd; }
    return null;
  }

  function heatmapOption(g) {
    var h = g.heatmap;
    var depths = h.depths;
    var ms = h.multipliers;
    var lx = ms.map(Math.log2);
    var edges = cellEdges(lx);
    var yIndex = {};
    depths.forEach(function (d, i) { yIndex[d] = i; });
    var yMin = -0.5;
    var yMax = depths.length - 0.5;
    var xMin = edges[0][0];
    var xMax = edges[edges.length - 1][1];

    var series = REGIMES.map(function (regime) {
      var items = h.cells.filter(function (c) { return c.regime === regime; }).map(function (c) {
        var i = ms.indexOf(c.m);
        return { value: [edges[i][0], edges[i][1], yIndex[c.depth]], cell: c };
      });
      return {
        type: 'custom', progressive: 0, name: regime, data: items, clip: true,
        encode: { x: [0, 1], y: 2 },
        itemStyle: { color: REGIME_COLOUR[regime] },
        renderItem: function (params, api) {
          var p0 = api.coord([api.value(0), api.value(2) - 0.5]);
          var p1 = api.coord([api.value(1), api.value(2) + 0.5]);
          var x = Math.min(p0[0], p1[0]);
          var y = Math.min(p0[1], p1[1]);
          var w = Math.abs(p1[0] - p0[0]);
          var hh = Math.abs(p1[1] - p0[1]);
          var c = items[params.dataIndex].cell;
          var shape = {
            type: 'rect', shape: { x: x, y: y, width: w, height: hh },
            style: { fill: REGIME_COLOUR[regime], stroke: '#ffffff', lineWidth: 1 }
          };
          var text = cellText(c, w, hh);
          if (text) {
            shape.textContent = {
              style: { text: text, fill: REGIME_TEXT[regime], font: CELL_FONT, lineHeight: 15, align: 'center' }
            };
            shape.textConfig = { position: 'insideTop', distance: 6 };
          }
          return shape;
        },
        tooltip: {
          formatter: function (p) {
            var c = p.data.cell;
            var f = num(c.forward_rate);
            var b = num(c.backward_rate);
            return '<b>' + esc(g.title) + '</b><br>'
              + 'depth L = ' + esc(c.depth) + ' hidden layers, ' + esc(mLabel(c.m)) + '<br>'
              + swatch(REGIME_COLOUR[regime]) + 'regime: <b>' + esc(regime) + '</b><br>'
              + 'forward rate: ' + esc(signed(f)) + ' nats/layer'
              + (isFinite(f) ? ' (Var(z) \u00d7' + esc(fmt(Math.exp(f))) + ' per layer)' : '') + '<br>'
              + 'backward rate: ' + esc(signed(b)) + ' nats/layer'
              + (isFinite(b) ? ' (Var(\u2202J/\u2202a) \u00d7' + esc(fmt(Math.exp(b))) + ' per layer)' : '') + '<br>'
              + 'runs averaged: ' + esc(c.runs)
              + (c.predicted_regime !== undefined || c.chi1 !== undefined
                ? '<br><i>mean-field theory:</i> ' + (c.chi1 !== undefined ? '\u03c7\u2081 = ' + esc(fmt(c.chi1)) + ', ' : '')
                  + (c.predicted_regime !== undefined ? 'regime ' + esc(c.predicted_regime) : '')
                  + (c.predicted_forward_rate !== undefined ? ', rates ' + esc(signed(c.predicted_forward_rate)) + ' / '
                    + esc(signed(c.predicted_backward_rate)) + ' nats/layer' : '')
                : '');
          }
        }
      };
    });

    var crit = g.critical || {};
    var mc = typeof crit.m_c === 'number' && crit.m_c > 0 ? crit.m_c : null;
    var unitText = typeof crit.unit === 'number' ? 'fan_in\u00b7Var(W) = ' + fmt(crit.unit) : 'the init as defined';
    var lines = [{ x: 0, name: 'm = 1 (' + unitText + ')', dashed: false, label: 'm = 1' }];
    if (mc !== null) {
      var how = crit.method === 'mean_field' ? 'mean field, \u03c7\u2081 = 1' : 'small signal, 1/gain';
      if (Math.abs(Math.log2(mc)) < 0.02) {
        lines[0] = { x: 0, name: 'm = 1 = predicted m_c (' + how + ')', dashed: false, label: 'm = 1 = m_c' };
      } else {
        lines.push({ x: Math.log2(mc), name: 'predicted m_c = ' + fmt(mc) + ' (' + how + ')', dashed: true,
          label: 'm_c = ' + fmt(mc) });
      }
    }
    lines.forEach(function (l) {
      xMin = Math.min(xMin, l.x - 0.25);
      xMax = Math.max(xMax, l.x + 0.25);
      series.push({
        type: 'line', name: l.name, symbol: 'none', z: 5, clip: false,
        lineStyle: { color: '#000000', width: 2.5, type: l.dashed ? 'dashed' : 'solid' },
        itemStyle: { color: '#000000' },
        data: [[l.x, yMin], [l.x, yMax]],
        tooltip: { trigger: 'item', formatter: function () { return esc(l.name); } }
      });
    });
    var measured = measuredCritical(h);
    var MEASURED = 'measured boundary: backward rate = 0';
    if (measured.length) {
      series.push({
        type: 'line', name: MEASURED, data: measured, z: 6, clip: false,
        symbol: 'diamond', symbolSize: 13, showSymbol: true,
        lineStyle: { color: '#000000', width: 1.5, type: 'dotted' },
        itemStyle: { color: '#ffffff', borderColor: '#000000', borderWidth: 2 },
        tooltip: { formatter: function (p) {
          return 'depth L = ' + esc(p.data.depth) + ': backward rate crosses 0 at m \u2248 ' + esc(fmt(p.data.m))
            + '<br>(log-linear interpolation between neighbouring multipliers)';
        } }
      });
    }
    var notes = ms.map(function (m, i) { return { value: [lx[i], yMin], kind: 'x', text: fmt(m) }; })
      .concat(depths.map(function (d, i) { return { value: [xMin, i], kind: 'y', text: String(d) }; }))
      .concat(lines.map(function (l) { return { value: [l.x, yMax], kind: 'top', text: l.label }; }));
    series.push(labelSeries(notes));
    return {
      animation: false,
      textStyle: baseText,
      grid: { left: 70, right: 24, top: 30, bottom: 92 },
      tooltip: { trigger: 'item', confine: true, textStyle: baseText },
      legend: merge(legend(), { data: REGIMES.concat(lines.map(function (l) { return l.name; }))
        .concat(measured.length ? [MEASURED] : []) }),
      xAxis: merge(axisCommon(multiplierLabel(crit.unit) + '  (log scale)', 30), {
        type: 'value', min: xMin, max: xMax,
        axisLabel: { show: false }, axisTick: { show: false }, splitLine: { show: false }
      }),
      yAxis: merge(axisCommon('depth L (hidden layers)', 44), {
        type: 'value', min: yMin, max: yMax,
        axisLabel: { show: false }, axisTick: { show: false }, splitLine: { show: false }
      }),
      series: series
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Per-layer variance (log scale) and cost curves: one line per multiplier

  function curveSeries(list, valuesOf, x0) {
    var hidden = 0;
    var dashes = settingDashes(list);
    var widths = settingWidths(list);
    var series = list.map(function (s, i) {
      var values = valuesOf(s) || [];
      var pts = values.map(function (v, j) {
        var lg = log10OrNull(v);
        if (lg === null) { hidden++; }
        return [j + x0, lg, lg === null ? null : v];
      });
      return {
        type: 'line', name: lineName(s), data: pts, connectNulls: false,
        symbol: mSymbol(s.m), symbolSize: 7, showSymbol: values.length <= 60,
        lineStyle: { width: widths[i], color: mColour(s.m), type: dashes[i] }, itemStyle: { color: mColour(s.m) }
      };
    });
    return { series: series, hidden: hidden };
  }

  /** The m axis's label for a scheme whose fan_in·Var(W) at m = 1 is unit (as the PNGs' ChartStyle.multiplierLabel). */
  function multiplierLabel(unit) {
    if (unit === 1) { return 'variance multiplier m = fan_in\u00b7Var(W)'; }
    if (typeof unit !== 'number' || !(unit > 0) || !isFinite(unit)) {
      return 'variance multiplier m (\u00d7 the init scheme\u2019s Var(W))';
    }
    return 'variance multiplier m (fan_in\u00b7Var(W) = ' + fmt(unit) + '\u00b7m)';
  }

  function axisTooltip(xName, yName, unit) {
    return {
      trigger: 'axis', confine: true, textStyle: baseText,
      formatter: function (ps) {
        ps = ps.filter(function (p) { return String(p.seriesId).indexOf('band') !== 0; });
        if (!ps.length) { return ''; }
        var rows = ps.map(function (p) {
          var v = pointValue(p);
          var theory = String(p.seriesId).indexOf('theory-') === 0;
          return swatch(p.color) + esc(p.seriesName) + (theory ? ' mean-field prediction' : ' measured') + ': <b>'
            + esc(v === null ? 'not shown' : fmt(v)) + '</b>';
        });
        return esc(xName + ' ' + p0(ps)) + '<br>' + esc(yName) + (unit ? ' (' + esc(unit) + ')' : '') + '<br>'
          + rows.join('<br>');
      }
    };
  }

  function p0(ps) {
    return fmt(ps[0].value[0]);
  }

  function layerOption(g, ep, field) {
    var forward = field === 'var_a';
    var yName = forward ? 'Var(a^[l])  forward, log scale' : 'Var(\u2202J/\u2202a^[l])  backward, log scale';
    var depth = g.layers.depth;
    // backward: the hidden layers only (the output unit's ∂J/∂a is not the signal they pass back), as the PNG
    var cs = curveSeries(ep.series, function (s) { return forward ? s[field] : (s[field] || []).slice(0, depth); }, 1);
    var theory = 0;
    ep.series.forEach(function (s, i) {
      var pred = s['predicted_' + field];
      if (!pred) { return; }
      theory++;
      cs.series.push({
        type: 'line', id: 'theory-' + i, name: lineName(s), connectNulls: false, symbol: 'none', z: 1,
        data: pred.map(function (v, j) { var lg = log10OrNull(v); return [j + 1, lg, lg === null ? null : v]; }),
        lineStyle: { width: 1.5, type: 'dashed', color: mColour(s.m), opacity: 0.85 },
        itemStyle: { color: mColour(s.m) }
      });
    });
    var extent = logExtent(cs.series);
    var names = ep.series.map(lineName);
    var lg = hasSettings(ep.series) ? settingLegend(ep.series, names) : merge(legend(), { data: names });
    var bands = forward ? ep.series.map(function (s, i) { return finiteWidthBand(s, i); })
      .filter(function (b) { return b; }) : [];
    bands.forEach(function (b) {
      extent = [Math.min(extent[0], b.lo), Math.max(extent[1], b.hi)];
      cs.series.push(b.series);
    });
    return {
      option: {
        animation: false,
        textStyle: baseText,
        color: ep.series.map(function (s) { return mColour(s.m); }),
        grid: { left: 78, right: 20, top: 16, bottom: 84 },
        tooltip: axisTooltip('layer l =', forward ? 'Var(a^[l])' : 'Var(\u2202J/\u2202a^[l])',
          'dimensionless'),
        legend: lg,
        xAxis: merge(axisCommon('layer l  (1 \u2026 L+1 = ' + (depth + 1) + ', the output unit)', 28), {
          type: 'value', min: 1, max: depth + 1, minInterval: 1 }),
        yAxis: logAxis(yName, 58, extent[0], extent[1]),
        series: cs.series
      },
      hidden: cs.hidden,
      settings: hasSettings(ep.series),
      theory: theory > 0,
      bands: bands.length > 0
    };
  }

  /**
   * Theory's finite-width band of one curve, ln(predicted) − s²/2 ± 2s in log₁₀ units, as one custom series
   * of polygons (one per run of layers that have a spread), or null without a spread. Its data points are
   * [layer, bottom, top, log₁₀ predicted], which the self-check holds against the theory line. Not two
   * stacked lines: ECharts stacks a positive width on a negative base from 0, not from the base
   * (sign-wise stacking), which drew the band of every Var &lt; 1 elsewhere.
   */
  function finiteWidthBand(s, i) {
    var pred = s.predicted_var_a;
    var sd = s.ln_var_a_sd;
    if (!pred || !sd) { return null; }
    var points = [], starts = {}, runStart = -1, lo = Infinity, hi = -Infinity;
    pred.forEach(function (v, j) {
      var lg = log10OrNull(v);
      var k = sd[j];
      if (lg === null || typeof k !== 'number' || !isFinite(k)) {
        runStart = -1;
        return;
      }
      var bottom = lg + (-k * k / 2 - 2 * k) / Math.LN10;
      var top = lg + (-k * k / 2 + 2 * k) / Math.LN10;
      if (runStart < 0) {
        runStart = points.length;
        starts[runStart] = true;
      }
      points.push([j + 1, bottom, top, lg]);
      lo = Math.min(lo, bottom);
      hi = Math.max(hi, top);
    });
    if (!(hi > lo)) { return null; }
    var colour = mColour(s.m);
    return { lo: lo, hi: hi, series: {
      type: 'custom', id: 'band-' + i, name: 'finite-width band', silent: true, z: 0, clip: true,
      encode: { x: 0, y: [1, 2] }, data: points,
      renderItem: function (params, api) {
        var n = params.dataIndex;
        if (!starts[n]) { return null; }
        var run = [];
        for (var j = n; j < points.length && (j === n || !starts[j]); j++) { run.push(points[j]); }
        var upper = run.map(function (p) { return api.coord([p[0], p[2]]); });
        var lower = run.slice().reverse().map(function (p) { return api.coord([p[0], p[1]]); });
        return { type: 'polygon', shape: { points: upper.concat(lower) }, style: { fill: colour, opacity: 0.14 } };
      }
    } };
  }

  // A log axis once the costs span more than a factor 30 (exploding inits reach 1e14 nats and would
  // flatten every other curve), as the PNG of the same chart does; linear otherwise.
  function costLogScale(list) {
    var lo = Infinity, hi = 0;
    list.forEach(function (s) {
      (s.loss || []).forEach(function (v) {
        if (typeof v === 'number' && v > 0 && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      });
    });
    return hi > 0 && hi / lo > 30;
  }

  function costOption(g) {
    var list = g.cost.series;
    var hidden = 0;
    var log = costLogScale(list);
    var dashes = settingDashes(list);
    var widths = settingWidths(list);
    var series = list.map(function (s, i) {
      var pts = (s.loss || []).map(function (v, j) {
        var ok = log ? log10OrNull(v) !== null : typeof v === 'number';
        if (!ok) { hidden++; }
        return log ? [j, log10OrNull(v), ok ? v : null] : [j, ok ? v : null];
      });
      // the mean of every seed, so a line ends where one of its runs diverged, and says so
      var name = lineName(s) + (s.diverged ? ' (' + s.diverged + ' of ' + s.seeds + ' seeds diverged)' : '');
      return {
        type: 'line', name: name, data: pts, connectNulls: false,
        symbol: mSymbol(s.m), symbolSize: 7, showSymbol: pts.length <= 60,
        lineStyle: { width: widths[i], color: mColour(s.m), type: dashes[i] }, itemStyle: { color: mColour(s.m) }
      };
    });
    var accuracy = list.map(function (s) { return s.accuracy || []; });
    var lg = hasSettings(list) ? settingLegend(list, series.map(function (s) { return s.name; })) : legend();
    // chance level: the cost of giving every one of K classes 1/K, as on the PNG
    var k = g.classes > 2 ? g.classes : 2;
    if (series.length) {
      series[0].markLine = { silent: true, symbol: 'none', lineStyle: { color: '#777777', type: 'dashed', width: 1 },
        label: { formatter: 'ln ' + k + ': every class 1/' + k, position: 'insideEndTop', color: '#555555' },
        data: [{ yAxis: log ? Math.log10(Math.log(k)) : Math.log(k) }] };
    }
    return {
      option: {
        animation: false,
        textStyle: baseText,
        grid: { left: 70, right: 20, top: 16, bottom: 84 },
        tooltip: {
          trigger: 'axis', confine: true, textStyle: baseText,
          formatter: function (ps) {
            if (!ps.length) { return ''; }
            var epoch = ps[0].value[0];
            return 'epoch ' + esc(fmt(epoch)) + (epoch === 0 ? ' (at initialization)' : '') + '<br>'
              + ps.map(function (p) {
                var acc = accuracy[p.seriesIndex][epoch];
                var s = list[p.seriesIndex];
                return swatch(p.color) + esc(p.seriesName) + ': cost <b>'
                  + esc(p.value[1] === null ? 'no mean: a run stopped or is not finite'
                    : fmt(pointValue(p)))
                  + '</b> nats' + (s.seeds > 1 ? ' (mean of ' + esc(s.seeds) + ' seeds)' : '')
                  + (typeof acc === 'number' ? ', accuracy ' + esc(fmt(acc)) : '');
              }).join('<br>');
          }
        },
        legend: lg,
        xAxis: merge(axisCommon('epoch  (0 = at initialization)', 28), { type: 'value', min: 0, minInterval: 1 }),
        yAxis: log ? (function () { var e = logExtent(series); return logAxis('cost J (nats, log scale)', 58, e[0], e[1]); })()
          : merge(axisCommon('cost J (nats)', 50), { type: 'value', scale: true }),
        series: series
      },
      hidden: hidden,
      settings: hasSettings(list)
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Activation histograms (layer × activation value, colour = fraction) and decision boundaries

  function histogramOption(g, view) {
    var layers = view.layers || [];
    var items = [];
    var maxF = 0;
    var xMin = Infinity;
    var xMax = -Infinity;
    layers.forEach(function (l, yi) {
      (l.fraction || []).forEach(function (f, b) {
        items.push([l.lower[b], l.upper[b], yi, f, l.layer, Math.sqrt(Math.max(0, f))]);
        maxF = Math.max(maxF, f);
        xMin = Math.min(xMin, l.lower[b]);
        xMax = Math.max(xMax, l.upper[b]);
      });
    });
    return {
      animation: false,
      textStyle: baseText,
      grid: { left: 70, right: 24, top: 16, bottom: 96 },
      tooltip: { trigger: 'item', confine: true, textStyle: baseText, formatter: function (p) {
        var d = p.data;
        return 'layer l = ' + esc(d[4]) + '<br>a^[l] in [' + esc(fmt(d[0])) + ', ' + esc(fmt(d[1])) + ')<br>'
          + 'fraction of the layer\u2019s activations: <b>' + esc(fmt(d[3])) + '</b>';
      } },
      // Colour by √fraction, so that a spike (ReLU's zeros, tanh's saturated ends) leaves the rest visible.
      visualMap: { type: 'continuous', dimension: 5, seriesIndex: 0, min: 0, max: Math.sqrt(maxF > 0 ? maxF : 1),
        inRange: { color: VIRIDIS }, orient: 'horizontal', left: 'center', bottom: 0, itemWidth: 12,
        itemHeight: 200, calculable: false, text: ['fraction ' + fmt(maxF > 0 ? maxF : 1) + ' (\u221a scale)', '0'],
        textStyle: baseText },
      xAxis: merge(axisCommon('activation a^[l] (dimensionless; the end bins also hold values beyond them)', 28), {
        type: 'value', min: xMin, max: xMax, splitLine: { show: false } }),
      yAxis: merge(axisCommon('layer l', 44), {
        type: 'category', data: layers.map(function (l) { return String(l.layer); }), splitLine: { show: false } }),
      series: [{
        type: 'custom', progressive: 0, name: 'activations', data: items, encode: { x: [0, 1], y: 2 }, clip: true,
        renderItem: function (params, api) {
          var p0 = api.coord([api.value(0), api.value(2)]);
          var p1 = api.coord([api.value(1), api.value(2)]);
          var h = api.size([0, 1])[1];
          return { type: 'rect', shape: { x: p0[0], y: p0[1] - h / 2, width: Math.max(1, p1[0] - p0[0] + 0.6), height: h - 1 },
            style: { fill: api.visual('color') } };
        }
      }]
    };
  }

  // the PNGs' ClassRegionChart: Okabe–Ito, then evenly spaced hues; cells blended with white by confidence
  var CLASS_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442'];
  /** [r, g, b] of class c of k: as ClassRegionChart.colour (hue, saturation 0.65, brightness 0.8 beyond seven). */
  function classRgb(c, k) {
    if (c < CLASS_COLOURS.length) {
      var h = parseInt(CLASS_COLOURS[c].slice(1), 16);
      return [h >> 16, (h >> 8) & 255, h & 255];
    }
    var hue = (c - CLASS_COLOURS.length) / Math.max(1, k - CLASS_COLOURS.length);
    var s = 0.65;
    var v = 0.8;
    var i = Math.floor(hue * 6) % 6;
    var f = hue * 6 - Math.floor(hue * 6);
    var p = v * (1 - s);
    var q = v * (1 - s * f);
    var t = v * (1 - s * (1 - f));
    var rgb = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]][i];
    return rgb.map(function (x) { return Math.round(x * 255); });
  }
  function rgbText(rgb) { return 'rgb(' + rgb.join(',') + ')'; }
  function classColour(c, k) { return rgbText(classRgb(c, k)); }
  /** A cell's colour: the class's blended with white by 0.12 + 0.5·t, t = (conf − 1/k)/(1 − 1/k), as the PNG. */
  function classShade(c, conf, k) {
    var t = Math.max(0, Math.min(1, (conf - 1 / k) / (1 - 1 / k)));
    var w = 0.12 + 0.5 * t;
    return rgbText(classRgb(c, k).map(function (x) { return Math.round(255 + w * (x - 255)); }));
  }

  /**
   * The input plane both boundary charts draw on: a cell of the group's grid per data row [x1, x2, …] in
   * fill(api)'s colour, on a square grid with the standardized inputs' axes; extra (a legend) joins the option.
   */
  function inputPlaneOption(b, name, data, fill, tooltip, extra) {
    var n = b.steps;
    var xs = b.coords || [];
    var half = n > 1 && xs[0] !== null && xs[1] !== null ? (xs[1] - xs[0]) / 2 : 0.05;
    var lo = Math.round((xs[0] - half) * 1e9) / 1e9;
    var hi = Math.round((xs[n - 1] + half) * 1e9) / 1e9;
    return merge({
      animation: false,
      textStyle: baseText,
      grid: { top: 16, height: 300, width: 300, left: 'center' },
      tooltip: { trigger: 'item', confine: true, textStyle: baseText, formatter: function (p) {
        var v = p.data;
        return 'x\u2081 = ' + esc(fmt(v[0])) + ', x\u2082 = ' + esc(fmt(v[1])) + '<br>' + tooltip(v);
      } },
      xAxis: merge(axisCommon('input x\u2081 (standardized)', 28), { type: 'value', min: lo, max: hi,
        splitLine: { show: false } }),
      yAxis: merge(axisCommon('input x\u2082 (standardized)', 36), { type: 'value', min: lo, max: hi,
        splitLine: { show: false } }),
      series: [{
        type: 'custom', progressive: 0, name: name, data: data, encode: { x: 0, y: 1 }, clip: true,
        renderItem: function (params, api) {
          var p0 = api.coord([api.value(0) - half, api.value(1) + half]);
          var p1 = api.coord([api.value(0) + half, api.value(1) - half]);
          return { type: 'rect', shape: { x: p0[0], y: p0[1], width: p1[0] - p0[0] + 0.5, height: p1[1] - p0[1] + 0.5 },
            style: { fill: fill(api) } };
        }
      }]
    }, extra);
  }

  function classRegionOption(g, map) {
    var b = g.boundary;
    var n = b.steps;
    var k = b.classes;
    var xs = b.coords || [];
    // [x1, x2, class or −1 (diverged), mean top probability]
    var data = (map.cls || []).map(function (c, i) {
      return [xs[i % n], xs[Math.floor(i / n)], c === null ? -1 : c, map.conf[i] === null ? -1 : map.conf[i]];
    });
    // the legend in rows of four under the plot, so that a half-width card holds it; past 20 classes the colours
    // repeat in hues the tooltip names, and the legend says how many there are
    var PER_ROW = 4;
    var legend = [];
    for (var c = 0; c < Math.min(k, 20); c++) { legend.push(c); }
    return inputPlaneOption(b, 'predicted class', data, function (api) {
      var c = api.value(2);
      return c < 0 ? NAN_GREY : classShade(c, api.value(3), k);
    }, function (v) {
      return v[2] < 0 ? 'not finite (diverged)' : 'predicted class <b>' + v[2] + '</b>, top probability ' + esc(fmt(v[3]));
    }, {
      graphic: [{ type: 'group', left: 'center', top: 374, children: legend.map(function (c, i) {
        var last = i === legend.length - 1 && k > legend.length;
        return { type: 'group', x: (i % PER_ROW) * 78, y: Math.floor(i / PER_ROW) * 16, children: [
          { type: 'rect', shape: { x: 0, y: 0, width: 12, height: 12 }, style: { fill: classColour(c, k) } },
          { type: 'text', x: 16, y: 0, style: { text: last ? '\u2026 ' + k + ' in all' : 'class ' + c,
            font: '12px ' + FONT, fill: '#333' } }] };
      }) }]
    });
  }

  function boundaryOption(g, map) {
    var b = g.boundary;
    if (b.classes > 2 && map.cls) { return classRegionOption(g, map); }
    var n = b.steps;
    var xs = b.coords || [];
    // [x1, x2, p]; a diverged network's NaN is −1, drawn grey (outside the colour scale).
    var data = (map.p || []).map(function (v, k) { return [xs[k % n], xs[Math.floor(k / n)], v === null ? -1 : v]; });
    return inputPlaneOption(b, 'P(class 1)', data, function (api) { return api.visual('color'); }, function (v) {
      return 'P(class 1) = <b>' + esc(v[2] < 0 ? 'not finite (diverged)' : fmt(v[2])) + '</b>';
    }, {
      visualMap: { type: 'continuous', dimension: 2, min: 0, max: 1, seriesIndex: 0, calculable: false,
        orient: 'horizontal', left: 'center', bottom: 0, itemWidth: 12, itemHeight: 200,
        inRange: { color: ['#0072B2', '#ffffff', '#D55E00'] }, outOfRange: { color: NAN_GREY },
        text: ['P(class 1) = 1', '0'], textStyle: baseText }
    });
  }

  /** A select box for a card: options [{text}], onChange(index). */
  function selector(label, options, selected, onChange) {
    var sel = el('select', { 'aria-label': label });
    options.forEach(function (o, i) {
      var opt = el('option', { value: String(i) }, [o.text]);
      if (i === selected) { opt.selected = true; }
      sel.appendChild(opt);
    });
    sel.addEventListener('change', function () { onChange(parseInt(sel.value, 10)); });
    return el('label', { 'class': 'control' }, [label + ' ', sel]);
  }

  function pngList(parent, pngs) {
    var ok = (pngs || []).filter(function (p) { return typeof p === 'string' && PNG_HREF.test(p); });
    if (!ok.length) { return; }
    var list = el('ul');
    ok.forEach(function (p) { list.appendChild(el('li', null, [el('a', { href: p, 'class': 'png-run' }, [p.replace('../', '')])])); });
    parent.appendChild(el('details', { 'class': 'runs' }, [el('summary', null, ['PNG of every run (' + ok.length + ')']), list]));
  }

  function nearestToOne(list) {
    var best = 0;
    list.forEach(function (v, i) {
      var a = v.m === null || v.m === undefined ? Infinity : Math.abs(Math.log(v.m));
      var b = list[best].m === null || list[best].m === undefined ? Infinity : Math.abs(Math.log(list[best].m));
      if (a < b) { best = i; }
    });
    return best;
  }

  /** The distinct training settings of some views, in order (none where the sweep has one). */
  function settingsOf(views) {
    var out = [];
    views.forEach(function (v) { if (v.setting && out.indexOf(v.setting) < 0) { out.push(v.setting); } });
    return out;
  }

  /** A selector of the training setting, or nothing where the views have none. */
  function settingControl(settings, state) {
    return settings.length ? [{ label: 'optimizer, \u03b7', options: settings.map(function (s) { return { text: s }; }),
      selected: 0, change: function (i) { state.setting = i; } }] : [];
  }

  function histogramCard(grid, g) {
    var hs = g.histograms;
    var ms = [];
    var epochs = [];
    hs.views.forEach(function (v) {
      if (!ms.some(function (x) { return x === v.m; })) { ms.push(v.m); }
      if (epochs.indexOf(v.epoch) < 0) { epochs.push(v.epoch); }
    });
    epochs.sort(function (a, b) { return a - b; });
    var settings = settingsOf(hs.views);
    var state = { m: nearestToOne(ms.map(function (m) { return { m: m }; })), epoch: 0, setting: 0 };
    // at initialization the views have no setting (training has not happened): every setting's runs summed
    function view() {
      return hs.views.filter(function (v) {
        return v.m === ms[state.m] && v.epoch === epochs[state.epoch] && (!v.setting || v.setting === settings[state.setting]);
      })[0] || { layers: [] };
    }
    function title() {
      var v = view();
      return 'Activation histograms, depth L = ' + hs.depth + ', ' + mLabel(ms[state.m]) + ', epoch '
        + epochs[state.epoch] + (v.setting ? ', ' + v.setting : '') + ': ' + g.title;
    }
    var c = card(grid, {
      kind: 'histogram', title: title(), label: 'Activation histograms per layer (deepest networks, L = ' + hs.depth + ')',
      option: histogramOption(g, view()), height: 420,
      caption: 'Share of the activations a^[l] of each layer in each bin, over the training set, seeds summed '
        + '(colour: square root of the share). Saturation piles up in the end bins, a collapsing signal in the middle; '
        + (g.classes > 2 ? 'the output layer (L+1, ' + g.classes + ' softmax units) spans [0, 1].'
          : 'the output unit (layer L+1, a sigmoid) spans [0, 1].'),
      controls: [
        { label: 'multiplier', options: ms.map(function (m) { return { text: mLabel(m) }; }), selected: state.m,
          change: function (i) { state.m = i; } },
        { label: 'epoch', options: epochs.map(function (e) { return { text: e === 0 ? '0 (at initialization)' : String(e) }; }),
          selected: 0, change: function (i) { state.epoch = i; } }
      ].concat(settingControl(settings, state)),
      refresh: function () { return { option: histogramOption(g, view()), title: title() }; }
    });
    pngList(c.fig, hs.pngs);
    expectedCharts++;
  }

  function boundaryCard(grid, g) {
    var b = g.boundary;
    var ms = [];
    b.maps.forEach(function (m) { if (!ms.some(function (x) { return x === m.m; })) { ms.push(m.m); } });
    var settings = settingsOf(b.maps);
    var state = { m: nearestToOne(ms.map(function (m) { return { m: m }; })), setting: 0 };
    function current() {
      return b.maps.filter(function (m) {
        return m.m === ms[state.m] && (!m.setting || m.setting === settings[state.setting]);
      })[0] || b.maps[0];
    }
    function title() {
      var m = current();
      return (b.classes > 2 ? 'Class regions' : 'Decision boundary') + ' after ' + b.epochs + ' epochs, depth L = ' + b.depth + ', '
        + mLabel(m.m) + (m.setting ? ', ' + m.setting : '') + ': ' + g.title;
    }
    var c = card(grid, {
      kind: 'boundary', title: title(), label: (b.classes > 2 ? 'Class regions' : 'Decision boundary') + ' after training (L = ' + b.depth + ')',
      option: boundaryOption(g, current()),
      height: b.classes > 2 ? Math.max(420, 386 + 16 * Math.ceil(Math.min(b.classes, 20) / 4)) : 420,
      caption: b.classes > 2
        ? 'The class the trained network predicts (argmax of the softmax) over the standardized input plane, the class '
          + 'most seeds predict; paler where the seeds\u2019 mean top probability is nearer 1/K = 1/' + b.classes + '.'
        : 'The trained network\u2019s output probability P(class 1) = \u03c3(z^[L+1]) over the standardized input plane, '
          + 'seeds averaged; white (P = 0.5) is the decision boundary.',
      controls: [{ label: 'multiplier', options: ms.map(function (m) { return { text: mLabel(m) }; }),
        selected: state.m, change: function (i) { state.m = i; } }].concat(settingControl(settings, state)),
      refresh: function () { return { option: boundaryOption(g, current()), title: title() }; }
    });
    pngList(c.fig, b.pngs);
    expectedCharts++;
  }

  // ---------------------------------------------------------------------------------------------
  // Chart cards, export (PNG and SVG, drawn again off screen with the title), layout

  function slug(s) {
    return String(s).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 120) || 'chart';
  }

  function withTitle(option, title) {
    var o = merge(option, {
      title: { text: title, left: 'center', top: 6, textStyle: { fontFamily: FONT, fontSize: 15, color: '#000' } }
    });
    o.grid = merge(option.grid, { top: (option.grid.top || 0) + 34 });
    o.tooltip = { show: false };
    return o;
  }

  function exportSvg(c) {
    var fit = fitLegend(c.option, c.exportSize[0], c.exportSize[1]);
    var chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: c.exportSize[0], height: fit.height });
    try {
      chart.setOption(withTitle(fit.option, c.title));
      return chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
  }

  function exportPng(c) {
    var fit = fitLegend(c.option, c.exportSize[0], c.exportSize[1]);
    var holder = el('div', { 'class': 'offscreen' });
    holder.style.width = c.exportSize[0] + 'px';
    holder.style.height = fit.height + 'px';
    document.body.appendChild(holder);
    var chart = echarts.init(holder, null, { renderer: 'canvas', devicePixelRatio: 2 });
    try {
      chart.setOption(withTitle(fit.option, c.title));
      return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    } finally {
      chart.dispose();
      holder.remove();
    }
  }

  function download(name, href, revoke) {
    var a = el('a', { href: href, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    if (revoke) { setTimeout(function () { URL.revokeObjectURL(href); }, 1000); }
  }

  var PNG_HREF = /^\.\.\/charts\/[A-Za-z0-9._-]+\.png$/;

  /**
   * @param spec {kind, title, caption, option, png, height, wide, expect: colours that must show}
   */
  function card(parent, spec) {
    var id = 'chart-' + charts.length;
    var box = el('div', { 'class': 'chart', id: id, role: 'img', 'aria-label': spec.title });
    box.style.height = (spec.height || 340) + 'px';
    var save = el('p', { 'class': 'save' }, ['Save: ']);
    var c = { id: id, kind: spec.kind, title: spec.title, option: spec.option, el: box,
      expect: spec.expect || [], exportSize: spec.wide ? [1100, 560] : [900, 520], finished: false };
    var png = el('button', { type: 'button' }, ['PNG']);
    png.addEventListener('click', function () { download(slug(spec.title) + '.png', exportPng(c), false); });
    var svg = el('button', { type: 'button' }, ['SVG']);
    svg.addEventListener('click', function () {
      var url = URL.createObjectURL(new Blob([exportSvg(c)], { type: 'image/svg+xml' }));
      download(slug(spec.title) + '.svg', url, true);
    });
    save.appendChild(png);
    save.appendChild(document.createTextNode(' '));
    save.appendChild(svg);
    if (typeof spec.png === 'string' && PNG_HREF.test(spec.png)) {
      save.appendChild(document.createTextNode(' \u00b7 drawn by the analysis: '));
      save.appendChild(el('a', { href: spec.png, 'class': 'png-file' }, [spec.png.replace('../', '')]));
    }
    var head = el('figcaption', null, [el('h3', null, [spec.label || spec.title])]);
    (spec.controls || []).forEach(function (ctl) {
      head.appendChild(selector(ctl.label, ctl.options, ctl.selected, function (i) {
        ctl.change(i);
        var next = spec.refresh();
        c.option = next.option;
        c.title = next.title;
        box.setAttribute('aria-label', next.title);
        if (c.chart) { c.chart.setOption(next.option, true); }
      }));
    });
    var fig = el('figure', { 'class': 'card' + (spec.wide ? ' wide' : '') }, [
      head,
      box,
      spec.caption ? el('p', { 'class': 'caption' }, [spec.caption]) : null,
      save
    ]);
    parent.appendChild(fig);
    c.fig = fig;
    charts.push(c);
    return c;
  }

  function draw(c) {
    var fit = fitLegend(c.option, c.el.clientWidth, c.el.clientHeight);
    c.el.style.height = fit.height + 'px';
    c.chart = echarts.init(c.el, null, { renderer: 'canvas' });
    c.chart.on('finished', function () { c.finished = true; });
    c.chart.setOption(fit.option);
  }

  function groupSection(main, g, index, toc) {
    var id = 'group-' + index;
    var sec = el('section', { 'class': 'group', id: id });
    sec.appendChild(el('h2', null, [g.title]));
    toc.appendChild(el('li', null, [el('a', { href: '#' + id }, [g.title])]));
    var crit = g.critical || {};
    var facts = [];
    if (typeof crit.m_c === 'number') {
      facts.push('Predicted critical multiplier m_c = ' + fmt(crit.m_c)
        + (crit.method === 'mean_field'
          ? ' (mean-field theory: \u03c7\u2081 = 1 at \u03c3_b\u00b2 = ' + fmt(g.sigma_b2) + '; small-signal 1/gain = '
            + fmt(crit.small_signal) + ').'
          : ' (small-signal 1/gain of ' + g.activation + ').'));
    }
    if (crit.note) { facts.push(crit.note + '.'); }
    facts.push('Init ' + g.init + ', ' + g.shape + ', \u03c3_b\u00b2 = ' + fmt(g.sigma_b2) + ', data '
      + g.dataset + '.');
    sec.appendChild(el('p', { 'class': 'meta' }, [facts.join(' ')]));

    var h = g.heatmap;
    var top = el('div', { 'class': 'grid' });
    sec.appendChild(top);
    if (h && h.cells && h.cells.length) {
      var present = REGIMES.filter(function (r) {
        return h.cells.some(function (c) { return c.regime === r; });
      });
      card(top, {
        kind: 'heatmap', title: 'Regime at initialization: ' + g.title, wide: true, height: 400,
        label: 'Regime at initialization over depth \u00d7 multiplier',
        option: heatmapOption(g), png: h.png,
        expect: present.map(function (r) { return REGIME_COLOUR[r]; }),
        caption: 'Each cell is one (depth, m) of the grid, seeds averaged; its text: \u2192 forward rate '
          + '(ln Var(z) per layer), \u2190 backward rate (ln Var(\u2202J/\u2202a) per layer), in nats per layer. '
          + 'Stable when both are within \u00b1\u03c4. Hover a cell for its values.'
      });
      expectedCharts++;
    }
    if (h && h.fixed && h.fixed.length) {
      sec.appendChild(table('Fixed schemes (no multiplier): ' + g.init,
        ['depth L', 'regime', 'forward rate (nats/layer)', 'backward rate (nats/layer)', 'runs'],
        h.fixed.map(function (c) {
          return [c.depth, c.regime, signed(c.forward_rate), signed(c.backward_rate), c.runs];
        })));
    }

    if (g.layers && g.layers.epochs && g.layers.epochs.length) {
      var grid = el('div', { 'class': 'grid' });
      sec.appendChild(el('h3', { 'class': 'sub' }, ['Per-layer variance, deepest networks (L = ' + g.layers.depth
        + (g.layers.epochs.every(function (ep) { return ep.series.every(function (s) { return s.m === null; }); })
          ? '), the init as defined (no multiplier)' : '), one line per multiplier')
        + (g.layers.epochs.some(function (ep) { return hasSettings(ep.series); })
          ? ' (after training, per optimizer and learning rate)' : '')]));
      sec.appendChild(grid);
      g.layers.epochs.forEach(function (ep, i) {
        var when = ep.epoch === 0 ? 'at initialization (epoch 0)'
          : (i === g.layers.epochs.length - 1 ? 'at the last recorded epoch (' + ep.epoch + ')' : 'epoch ' + ep.epoch);
        ['var_a', 'var_grad_a'].forEach(function (field) {
          var lo = layerOption(g, ep, field);
          var colours = ep.series.map(function (s) { return mColour(s.m); })
            .filter(function (col) { return col !== '#000000'; });
          card(grid, {
            kind: 'layers', title: (field === 'var_a' ? 'Forward: Var(a^[l])' : 'Backward: Var(\u2202J/\u2202a^[l])')
              + ' ' + when + ': ' + g.title,
            label: (field === 'var_a' ? 'Forward: Var(a^[l])' : 'Backward: Var(\u2202J/\u2202a^[l])') + ' ' + when,
            option: lo.option, png: ep.png, expect: colours, anyColour: true,
            caption: (field === 'var_a'
              ? 'Variance of the activations a^[l] of layer l over batch \u00d7 units (inputs standardized: dimensionless). '
              : 'Variance of the back-propagated gradient \u2202J/\u2202a^[l] of the hidden layers, J the mean '
                + 'cross-entropy. ')
              + (lo.settings ? 'Colour: m; dashes: the optimizer and learning rate η. ' : '')
              + (ep.missing_settings && ep.missing_settings.length ? 'No line for ' + ep.missing_settings.join('; ')
                + ': none of its runs reached epoch ' + ep.epoch + ' (they diverged). ' : '')
              + (lo.theory ? 'Dashed: the mean-field prediction for the same network at initialization. ' : '')
              + (lo.bands ? 'Shaded: where one network of these widths falls (theory\u2019s finite-width band, '
                + 'ln(predicted) \u2212 s\u00b2/2 \u00b1 2s, s\u00b2 = \u03a3 (E[\u03c6\u2074]/E[\u03c6\u00b2]\u00b2 \u2212 1)/n). ' : '')
              + (lo.hidden ? lo.hidden + ' values \u2264 0 or not finite are not drawn (no place on a log axis).' : '')
          });
          expectedCharts++;
        });
      });
    }

    var grid2 = el('div', { 'class': 'grid' });
    sec.appendChild(grid2);
    if (g.cost && g.cost.series && g.cost.series.length) {
      var co = costOption(g);
      card(grid2, {
        kind: 'cost', title: 'Cost per epoch, depth L = ' + g.cost.depth + ': ' + g.title, option: co.option,
        label: 'Cost per epoch, deepest networks (L = ' + g.cost.depth + ')',
        png: g.cost.png, anyColour: true,
        expect: g.cost.series.map(function (s) { return mColour(s.m); })
          .filter(function (col) { return col !== '#000000'; }),
        caption: 'Training cost J (mean ' + (g.classes > 2 ? 'cross-entropy over ' + g.classes + ' classes'
          : 'binary cross-entropy') + ' over the training set, nats), seeds averaged.'
          + (co.settings ? ' Colour: m; dashes: the optimizer and learning rate η.' : '')
          + (co.hidden ? ' ' + co.hidden + ' epochs without a finite cost (diverged) are gaps.' : '')
      });
      expectedCharts++;
    }
    if (g.histograms && g.histograms.views && g.histograms.views.length) {
      histogramCard(grid2, g);
    }
    if (g.boundary && g.boundary.maps && g.boundary.maps.length && g.boundary.steps > 0) {
      boundaryCard(grid2, g);
    }
    main.appendChild(sec);
  }

  function table(caption, head, rows, total) {
    var t = el('table', { 'class': 'data' });
    t.appendChild(el('caption', null, [caption]));
    t.appendChild(el('thead', null, [el('tr', null, head.map(function (c) { return el('th', null, [String(c)]); }))]));
    var body = el('tbody');
    rows.forEach(function (r) {
      body.appendChild(el('tr', null, r.map(function (v) {
        var text = v === null || v === undefined ? '' : (typeof v === 'number' ? fmt(v) : String(v));
        // a long text (theory_note) wraps in a column wide enough for a few lines, not one word per line
        return el('td', text.length > LONG_CELL ? { 'class': 'long' } : null, [text]);
      })));
    });
    t.appendChild(body);
    var wrap = el('div', { 'class': 'table-wrap' }, [t]);
    if (total !== undefined && total > rows.length) {
      wrap.appendChild(el('p', { 'class': 'caption' }, ['First ' + rows.length + ' of ' + total + ' rows.']));
    }
    return wrap;
  }

  // ---------------------------------------------------------------------------------------------
  // Dynamical isometry (Pennington, Schoenholz & Ganguli 2017): the spread of the Jacobian's squared
  // singular values against depth, measured (solid, markers) beside theory (dashed), a line per init

  function isometryOption(ch) {
    var series = [];
    var names = [];
    var n = ch.lines.length;
    ch.lines.forEach(function (l, i) {
      var colour = lineColour(i, n);
      names.push(l.init);
      series.push({
        type: 'line', name: l.init, connectNulls: false, symbol: 'circle', symbolSize: 7, z: 3,
        data: l.points.map(function (p) { var lg = log10OrNull(p[1]); return [p[0], lg, lg === null ? null : p[1]]; }),
        lineStyle: { width: 2, color: colour }, itemStyle: { color: colour }
      });
      series.push({
        type: 'line', id: 'theory-' + i, name: l.init, connectNulls: false, symbol: 'none', z: 2,
        data: l.points.map(function (p) { var lg = log10OrNull(p[2]); return [p[0], lg, lg === null ? null : p[2]]; }),
        lineStyle: { width: 1.5, type: 'dashed', color: colour, opacity: 0.85 }, itemStyle: { color: colour }
      });
    });
    var extent = logExtent(series);
    var depths = [];
    ch.lines.forEach(function (l) { l.points.forEach(function (p) { depths.push(p[0]); }); });
    return {
      animation: false,
      textStyle: baseText,
      grid: { left: 78, right: 20, top: 16, bottom: 84 },
      tooltip: axisTooltip('depth L =', 'var/mean\u00b2 of the eigenvalues of JJ\u1d40', 'dimensionless'),
      legend: merge(legend(), { data: names }),
      xAxis: merge(axisCommon('depth L (hidden layers)', 28), { type: 'value', minInterval: 1,
        min: Math.min.apply(null, depths), max: Math.max.apply(null, depths) }),
      yAxis: logAxis('var/mean\u00b2 of eig(JJ\u1d40), log scale', 58, extent[0], extent[1]),
      series: series
    };
  }

  function isometrySection(main, iso, toc) {
    var id = 'isometry';
    var title = 'Dynamical isometry: the Jacobian\u2019s spectrum at initialization (isometry/)';
    var sec = el('section', { 'class': 'group', id: id }, [el('h2', null, [title])]);
    toc.appendChild(el('li', null, [el('a', { href: '#' + id }, [title])]));
    sec.appendChild(el('p', { 'class': 'meta' }, ['How far the input\u2013output Jacobian J is from an isometry: '
      + 'var/mean\u00b2 of the eigenvalues of JJ\u1d40 (0 = every singular value equal), seeds averaged. Dashed: '
      + 'theory (Pennington, Schoenholz & Ganguli 2017, eq. 12\u201314) summed over the layers along the length '
      + 'map\u2019s path from q\u2070 = 1: orthogonal weights (s\u2081 = 0) for the orthogonal scheme, Gaussian '
      + '(s\u2081 = \u22121) for the others. Zeros cannot sit on the log axis and are left out.']));
    var grid = el('div', { 'class': 'grid' });
    sec.appendChild(grid);
    (iso.charts || []).forEach(function (ch) {
      var n = ch.lines.length;
      var expect = [];
      ch.lines.forEach(function (l, i) {
        if (l.points.some(function (p) { return log10OrNull(p[1]) !== null; })) { expect.push(lineColour(i, n)); }
      });
      if (!expect.length) {
        // nothing measured on a log axis (every network's spectrum out of double's range): the analysis's PNG
        if (typeof ch.png === 'string' && PNG_HREF.test(ch.png)) {
          grid.appendChild(el('figure', { 'class': 'png-chart' }, [el('img', { src: ch.png, alt: ch.title, width: '900' }),
            el('figcaption', null, [ch.title + ': no measured value to draw'])]));
        }
        return;
      }
      card(grid, {
        kind: 'isometry', title: ch.title, label: ch.title, option: isometryOption(ch), png: ch.png, expect: expect,
        caption: 'Solid with markers: measured; dashed: mean-field prediction; a line per init scheme.'
      });
      expectedCharts++;
    });
    main.appendChild(sec);
  }

  // Every chart of charts/ that no section above draws (comparisons across inits, …), as
  // the PNG the analysis wrote: the report holds every chart, not only those it redraws.
  function moreChartsSection(main, pngs, toc) {
    var ok = (pngs || []).filter(function (p) { return typeof p === 'string' && PNG_HREF.test(p); });
    if (!ok.length) { return; }
    var title = 'More charts (' + ok.length + ')';
    var sec = el('section', { 'class': 'group', id: 'more-charts' }, [el('h2', null, [title])]);
    toc.appendChild(el('li', null, [el('a', { href: '#more-charts' }, [title])]));
    ok.forEach(function (p) {
      var name = p.replace('../charts/', '');
      sec.appendChild(el('figure', { 'class': 'png-chart' }, [
        el('a', { href: p }, [el('img', { src: p, alt: name, width: '900' })]),
        el('figcaption', null, [name])]));
    });
    main.appendChild(sec);
  }

  var EXTRA_TITLES = { boundaries: 'Decision boundaries', histograms: 'Activation histograms',
    compare: 'Init schemes on paired runs' };

  function extraSection(main, x, index, toc) {
    var id = 'extra-' + index;
    var title = (EXTRA_TITLES[x.table] || x.table) + ' (' + x.table + '/)';
    var sec = el('section', { 'class': 'group', id: id }, [el('h2', null, [title])]);
    toc.appendChild(el('li', null, [el('a', { href: '#' + id }, [title])]));
    if (x.error) {
      sec.appendChild(el('p', { 'class': 'warn' }, [x.error]));
    } else if (x.total === 0) {
      // boundaries/ of a sweep without a 2-D dataset, say: the spec asked, no run had one to record
      sec.appendChild(el('p', null, ['No rows: no run of this sweep records one (' + x.table + '/ is written for '
        + (x.table === 'boundaries' ? 'datasets of 2 features' : 'the runs that ask for it') + ').']));
    } else {
      sec.appendChild(table(title, x.columns || [], x.rows || [], x.total));
    }
    main.appendChild(sec);
  }

  // ---------------------------------------------------------------------------------------------
  // Trainability (Schoenholz et al. 2017, Fig. 5): the judged accuracy (test, or train) over m × depth with the
  // 6·ξ_c curve

  var VIRIDIS_FULL = ['#440154', '#482878', '#3E4A89', '#31688E', '#26828E', '#1F9E89', '#35B779', '#6DCD59',
    '#B4DE2C', '#FDE725'];

  function viridis(v) {
    var t = Math.max(0, Math.min(1, v)) * (VIRIDIS_FULL.length - 1);
    var j = Math.min(Math.floor(t), VIRIDIS_FULL.length - 2);
    var f = t - j;
    var a = hexRgb(VIRIDIS_FULL[j]);
    var b = hexRgb(VIRIDIS_FULL[j + 1]);
    return '#' + [0, 1, 2].map(function (c) {
      return ('0' + Math.round(a[c] + f * (b[c] - a[c])).toString(16)).slice(-2);
    }).join('');
  }

  function linearEdges(v) {
    return v.map(function (x, i) {
      var left = i > 0 ? (v[i - 1] + x) / 2 : (v.length > 1 ? x - (v[1] - x) / 2 : x - 0.5);
      var right = i < v.length - 1 ? (x + v[i + 1]) / 2 : (v.length > 1 ? x + (x - v[i - 1]) / 2 : x + 0.5);
      return [left, right];
    });
  }

  /**
   * Text drawn at data positions, for axes whose ticks are the swept values themselves (echarts places a
   * value axis's ticks at round numbers): notes [{value: [x, y], kind, text}], kind 'x' under the point (an
   * x-axis label), 'y' left of it (a y-axis label), 'top' above it in bold on white (a line's name).
   */
  function labelSeries(notes) {
    return {
      type: 'custom', progressive: 0, name: 'labels', silent: true, clip: false, z: 10, data: notes, encode: { x: 0, y: 1 },
      tooltip: { show: false },
      renderItem: function (params, api) {
        var n = notes[params.dataIndex];
        var p = api.coord(n.value);
        var style = { text: n.text, fill: '#333', font: '12px ' + FONT };
        if (n.kind === 'x') {
          return { type: 'text', x: p[0], y: p[1] + 7, style: merge(style, { align: 'center', verticalAlign: 'top' }) };
        }
        if (n.kind === 'y') {
          return { type: 'text', x: p[0] - 8, y: p[1], style: merge(style, { align: 'right', verticalAlign: 'middle' }) };
        }
        return { type: 'text', x: p[0], y: p[1] - 5, style: merge(style, {
          align: 'center', verticalAlign: 'bottom', fill: '#000', font: 'bold 12px ' + FONT,
          backgroundColor: 'rgba(255,255,255,0.9)', padding: [1, 4] }) };
      }
    };
  }

  function trainabilityOption(g, target, accName, maxLabelledDepths) {
    var ms = [];
    var depths = [];
    g.cells.forEach(function (c) {
      if (ms.indexOf(c.m) < 0) { ms.push(c.m); }
      if (depths.indexOf(c.depth) < 0) { depths.push(c.depth); }
    });
    ms.sort(function (a, b) { return a - b; });
    depths.sort(function (a, b) { return a - b; });
    // a log m axis (as the PNG, where the multipliers span a factor of 10 or more): positions are log₁₀ m,
    // cells reach the geometric means, and the swept m label the axis
    var logM = g.log_m === true;
    var xOf = function (m) { return logM ? Math.log10(m) : m; };
    var xs = ms.map(xOf);
    var mx = linearEdges(xs);
    var dy = linearEdges(depths);
    var xMin = logM ? mx[0][0] : Math.max(0, mx[0][0]);
    var xMax = mx[mx.length - 1][1];
    var yMin = Math.max(0, dy[0][0]);
    var yMax = dy[dy.length - 1][1];
    var items = g.cells.map(function (c) {
      var i = ms.indexOf(c.m);
      var j = depths.indexOf(c.depth);
      return { value: [Math.max(xMin, mx[i][0]), mx[i][1], Math.max(yMin, dy[j][0]), dy[j][1]], cell: c };
    });
    var series = [{
      type: 'custom', progressive: 0, name: accName, data: items, clip: true, encode: { x: [0, 1], y: [2, 3] },
      renderItem: function (params, api) {
        var p0 = api.coord([api.value(0), api.value(2)]);
        var p1 = api.coord([api.value(1), api.value(3)]);
        var c = items[params.dataIndex].cell;
        var acc = num(c.accuracy);
        return { type: 'rect', shape: { x: Math.min(p0[0], p1[0]), y: Math.min(p0[1], p1[1]),
          width: Math.abs(p1[0] - p0[0]), height: Math.abs(p1[1] - p0[1]) },
          style: { fill: isNaN(acc) ? NAN_GREY : viridis(acc), stroke: '#ffffff', lineWidth: 0.5 } };
      },
      tooltip: { formatter: function (p) {
        var c = p.data.cell;
        return '<b>depth L = ' + esc(c.depth) + ', ' + esc(mLabel(c.m)) + '</b><br>'
          + esc(accName) + ': ' + (c.accuracy === null ? (c.diverged === c.runs ? 'none: all ' + esc(c.runs)
            + ' runs diverged' : 'none: no run has a finite one') + ' (target '
            : esc(fmt(c.accuracy)) + ' (mean of ' + esc(c.runs) + ' runs; target ')
          + esc(target === null ? 'none' : fmt(target)) + ')<br>epochs to target: ' + esc(c.epochs_to_target === null ? 'never' : c.epochs_to_target)
          + '<br><i>mean-field theory:</i> \u03c7\u2081 = ' + esc(c.chi1 === null ? 'n/a' : fmt(c.chi1))
          + (c.bound_from_gradients ? ', 6\u00b7\u03be_\u2207 = ' : ', 6\u00b7\u03be_c = ')
          + esc(c.bound === null ? 'n/a' : fmt(c.bound)) + ' layers';
      } }
    }];
    var BOUND = 'theory: L = 6\u00b7\u03be_c' + (gradientBound(g) ? ', 6\u00b7\u03be_\u2207 where q* = 0' : '');
    series.push({
      type: 'line', id: 'bound', name: BOUND, symbol: 'none', z: 5, clip: true, connectNulls: false,
      lineStyle: { color: '#000000', width: 2.5, shadowColor: '#ffffff', shadowBlur: 4 },
      itemStyle: { color: '#000000' },
      data: (g.bound_curve || []).map(function (p) {
        var b = num(p[1]);
        return [xOf(p[0]), isNaN(b) ? null : Math.min(b, 2 * yMax)];
      }),
      tooltip: { show: false }
    });
    var names = [accName, BOUND];
    var mc = num(g.critical_m);
    if (isFinite(mc) && mc > 0 && xOf(mc) > xMin && xOf(mc) < xMax) {
      var CRIT = '\u03c7\u2081 = 1: m_c = ' + fmt(mc);
      names.push(CRIT);
      series.push({
        type: 'line', name: CRIT, symbol: 'none', z: 6, clip: false,
        lineStyle: { color: '#000000', width: 2, type: 'dashed' }, itemStyle: { color: '#000000' },
        data: [[xOf(mc), yMin], [xOf(mc), yMax]], tooltip: { show: false }
      });
    }
    var xAxisExtra = { type: 'value', min: xMin, max: xMax, splitLine: { show: false } };
    if (logM) {
      xAxisExtra.axisLabel = { show: false };
      xAxisExtra.axisTick = { show: false };
      series.push(labelSeries(ms.map(function (m) { return { value: [xOf(m), yMin], kind: 'x', text: fmt(m) }; })));
    }
    // depth counts hidden layers: ticks one layer apart at least, and only whole layers labelled (the axis
    // ends, half a layer past the outer depths, are ticks ECharts labels too: 1.5 … 2.5 for one depth 2);
    // up to as many depths as the PNG labels, labelled where they were swept (4, 8, …, 64 are rows of unequal
    // height)
    var yAxisExtra = { type: 'value', min: yMin, max: yMax, minInterval: 1, splitLine: { show: false },
      axisLabel: merge(axisCommon('').axisLabel, { formatter: function (v) {
        return Math.abs(v - Math.round(v)) < 1e-9 ? String(Math.round(v)) : '';
      } }) };
    if (depths.length <= maxLabelledDepths) {
      yAxisExtra.axisLabel = { show: false };
      yAxisExtra.axisTick = { show: false };
      series.push(labelSeries(depths.map(function (d) { return { value: [xMin, d], kind: 'y', text: String(d) }; })));
    }
    return {
      animation: false,
      textStyle: baseText,
      grid: { left: 70, right: 24, top: 30, bottom: 92 },
      tooltip: { trigger: 'item', confine: true, textStyle: baseText },
      legend: merge(legend(), { data: names }),
      xAxis: merge(axisCommon(multiplierLabel(num(g.m_unit)) + (logM ? '  (log scale)' : ''), 30), xAxisExtra),
      yAxis: merge(axisCommon('depth L (hidden layers)', 44), yAxisExtra),
      series: series
    };
  }

  function learningOption(g, target, accName) {
    var list = (g.learning && g.learning.series) || [];
    var series = list.map(function (s, i) {
      return {
        type: 'line', name: mLabel(s.m), showSymbol: (s.accuracy || []).length <= 30, symbolSize: 6,
        lineStyle: { width: 2, color: mColour(s.m) }, itemStyle: { color: mColour(s.m) },
        data: (s.accuracy || []).map(function (v, j) { return [j, v === null ? null : num(v)]; })
      };
    });
    if (series.length && target !== null && target !== undefined) {
      // the label inside the plot, above the line's left end (where curves start low): at the end (ECharts' default)
      // it ran past the chart's right edge and read "tar"
      series[0].markLine = { silent: true, symbol: 'none',
        label: { formatter: 'target ' + fmt(target), position: 'insideStartTop', color: '#555' },
        lineStyle: { color: '#777777', type: 'dashed' }, data: [{ yAxis: target }] };
    }
    return {
      animation: false,
      textStyle: baseText,
      grid: { left: 70, right: 24, top: 30, bottom: 92 },
      tooltip: axisTooltip('epoch', accName, ''),
      legend: legend(),
      xAxis: merge(axisCommon('epoch (0 = at initialization)', 30), { type: 'value', minInterval: 1 }),
      yAxis: merge(axisCommon(accName + ' (mean over seeds)', 44), { type: 'value', min: 0, max: 1 }),
      series: series
    };
  }

  /** Whether some cell of a trainability group has the gradients' bound 6·ξ_∇ (σ_b² = 0 leaving q* = 0). */
  function gradientBound(g) {
    return (g.cells || []).some(function (c) { return c.bound_from_gradients === true; });
  }

  function trainabilitySection(main, t, toc) {
    var id = 'trainability';
    var accName = (t.split === 'train' ? 'train' : 'test') + ' accuracy';
    var AccName = accName.charAt(0).toUpperCase() + accName.slice(1);
    var title = 'Trainability: ' + accName + ' beside 6\u00b7\u03be_c (Schoenholz et al. 2017)';
    var sec = el('section', { 'class': 'group', id: id }, [el('h2', null, [title])]);
    toc.appendChild(el('li', null, [el('a', { href: '#' + id }, [title])]));
    // one target for all, else each dataset's; a dataset whose runs all diverged has none
    var set = (t.targets || []).filter(function (d) { return d.target !== null; });
    var none = (t.targets || []).filter(function (d) { return d.target === null; });
    var sameTarget = set.every(function (d) { return d.target === set[0].target; }) && !none.length;
    var targetText = sameTarget && set.length ? fmt(set[0].target)
      : set.map(function (d) { return fmt(d.target) + ' on ' + d.dataset; }).join(', ')
        + (none.length ? '; no target on ' + none.map(function (d) { return d.dataset; }).join(', ')
          + ', where no run has an accuracy' : '');
    sec.appendChild(el('p', { 'class': 'meta' }, ['A cell trained when its mean ' + accName + ' is at least '
      + targetText + ' (trainability/, target_accuracy: the spec\u2019s, else 0.9 \u00d7 the best cell of the same dataset; the spec\u2019s target_split is ' + (t.split || 'test') + '). Mean-field theory calls a depth trainable up to about '
      + '6\u00b7\u03be_c, the correlation depth scale times six; \u03be_c diverges on the critical line \u03c7\u2081 = 1.'
      // as the PNGs' note: where σ_b² = 0 leaves q* = 0 the bound is 6·ξ_∇
      + ((t.groups || []).some(gradientBound)
        ? ' Where \u03c3_b\u00b2 = 0 leaves q* = 0, the signal shrinks towards 0, where the correlation map is '
          + 'the identity (linear, tanh) or has slope 1 at c = 1 (ReLU): two inputs\u2019 correlation never fades '
          + 'exponentially, so \u03be_c is infinite, while the gradients vanish by \u03c7\u2081 per layer: the '
          + 'bound is their 6\u00b7\u03be_\u2207 = \u22126/ln \u03c7\u2081 instead.' : '')
      + ((t.unjudged || []).length ? ' Not judged, having no test split: ' + t.unjudged.join(', ')
        + ' (set test_fraction, or judge on the training set with "target_split": "train").' : '')]));
    (t.groups || []).forEach(function (g) {
      var grid = el('div', { 'class': 'grid' });
      sec.appendChild(grid);
      var present = [];
      g.cells.forEach(function (c) {
        var acc = num(c.accuracy);
        if (!isNaN(acc) && present.indexOf(viridis(acc)) < 0) { present.push(viridis(acc)); }
      });
      var noAccuracy = g.cells.some(function (c) { return c.accuracy === null; });
      card(grid, {
        kind: 'trainability', title: AccName + ' over m \u00d7 depth: ' + g.title, wide: true, height: 420,
        label: AccName + ' over m \u00d7 depth: ' + g.title, png: g.png,
        option: trainabilityOption(g, g.target, accName, t.max_labelled_depths),
        expect: present.slice(0, 1).concat(noAccuracy ? [NAN_GREY] : []),
        caption: 'Colour: mean ' + accName + ' over seeds on the viridis scale, 0 dark purple to 1 yellow. '
          + (noAccuracy ? 'Grey: no accuracy (every run of the cell diverged, or none has a finite one). ' : '')
          + 'Black line: theory\u2019s trainable depth 6\u00b7\u03be_c(m)'
          + (gradientBound(g) ? ' (6\u00b7\u03be_\u2207(m) where \u03c3_b\u00b2 = 0 leaves q* = 0)' : '')
          + '; dashed: the critical multiplier (\u03c7\u2081 = 1).'
      });
      expectedCharts++;
      if (g.learning && g.learning.series && g.learning.series.length) {
        card(grid, {
          kind: 'cost', title: 'Learning curves at depth ' + g.learning.depth + ': ' + g.title,
          label: 'Learning curves at depth L = ' + g.learning.depth, option: learningOption(g, g.target, accName),
          png: g.learning_png, expect: g.learning.series.map(function (s) { return mColour(s.m); }),
          caption: 'Mean ' + accName + ' per epoch of every multiplier at the deepest depth that trained'
            + (g.learning.trained === false ? ' (none did: the deepest depth swept).' : '.')
        });
        expectedCharts++;
      }
    });
    if (t.bound && t.bound.rows) {
      sec.appendChild(table('Deepest depth trained per \u03c3_w\u00b2 beside 6\u00b7\u03be_c (trainability_bound/)',
        t.bound.columns || [], t.bound.rows, t.bound.rows.length));
    }
    main.appendChild(sec);
  }

  // ---------------------------------------------------------------------------------------------
  // Self-check: every chart has a size and drawn data pixels of its colours, no errors anywhere

  function countColours(c) {
    var canvas = c.el.querySelector('canvas');
    if (!canvas) { return null; }
    var ctx = canvas.getContext('2d');
    var px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    var targets = c.expect.map(hexRgb);
    var counts = targets.map(function () { return 0; });
    var inked = 0;
    var chroma = 0;
    for (var i = 0; i < px.length; i += 4) {
      if (px[i + 3] < 128) { continue; }
      var r = px[i], gg = px[i + 1], b = px[i + 2];
      if (r < 245 || gg < 245 || b < 245) { inked++; }
      if (Math.max(r, gg, b) - Math.min(r, gg, b) >= 40) { chroma++; }
      for (var t = 0; t < targets.length; t++) {
        var q = targets[t];
        if (Math.abs(r - q[0]) <= 24 && Math.abs(gg - q[1]) <= 24 && Math.abs(b - q[2]) <= 24) { counts[t]++; break; }
      }
    }
    return { canvas: [canvas.width, canvas.height], inked: inked, chroma: chroma, counts: counts };
  }

  /** Elements that could load or run something, and event-handler attributes: none should come from data. */
  function domCensus() {
    var out = {};
    ['script', 'img', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'svg'].forEach(function (t) {
      out[t] = document.getElementsByTagName(t).length;
    });
    var handlers = 0;
    Array.prototype.forEach.call(document.getElementsByTagName('*'), function (e) {
      Array.prototype.forEach.call(e.attributes, function (a) {
        if (/^on/i.test(a.name)) { handlers++; }
      });
    });
    out.handler_attributes = handlers;
    return out;
  }

  /**
   * The log axes of a chart, each as its extent in decades and the decades it labels; problems where
   * labels leave more than LOG_LABEL_DECADES decades unlabelled or read as no number (a log axis has no 0).
   */
  function logAxes(c, problems) {
    var out = [];
    ['xAxis', 'yAxis'].forEach(function (kind) {
      c.chart.getModel().eachComponent(kind, function (m) {
        var axis = m.axis;
        var native = axis.type === 'log';
        if (!native && !m.option.initsweepLog10) { return; }
        var toDecades = function (v) { return native ? Math.log10(v) : v; };
        var ext = axis.scale.getExtent().map(toDecades);
        var labels = axis.getViewLabels();
        var at = labels.map(function (l) { return toDecades(l.tickValue); });
        labels.forEach(function (l) {
          if (!/\d/.test(l.formattedLabel) || /NaN|undefined|Infinity/.test(l.formattedLabel) || l.formattedLabel === '0') {
            problems.push(c.id + ': log axis label "' + l.formattedLabel + '"');
          }
        });
        var stops = [ext[0]].concat(at.filter(isFinite)).concat([ext[1]]).sort(function (a, b) { return a - b; });
        var gap = 0;
        for (var i = 1; i < stops.length; i++) { gap = Math.max(gap, stops[i] - stops[i - 1]); }
        if (!(gap <= LOG_LABEL_DECADES + 1e-9)) {
          problems.push(c.id + ': log axis ' + kind + ' leaves ' + fmt(gap) + ' decades without a label');
        }
        out.push({ axis: kind, decades: [ext[0], ext[1]], labels: labels.map(function (l) { return l.formattedLabel; }) });
      });
    });
    return out;
  }

  /**
   * The labels of a chart's value axes that show them; a depth axis labelled between whole layers
   * (2.5, 2.6, …: depth counts hidden layers) is a problem.
   */
  function axisLabels(c, problems) {
    var out = {};
    ['xAxis', 'yAxis'].forEach(function (kind) {
      c.chart.getModel().eachComponent(kind, function (m) {
        if (m.option.axisLabel && m.option.axisLabel.show === false) { return; }
        var labels = m.axis.getViewLabels().map(function (l) { return l.formattedLabel; })
          .filter(function (l) { return l !== ''; });
        out[kind] = (out[kind] || []).concat(labels);
        if (/^depth/.test(String(m.option.name || ''))) {
          labels.forEach(function (l) {
            if (!/^\d+$/.test(l)) { problems.push(c.id + ': depth axis label "' + l + '"'); }
          });
        }
      });
    });
    return out;
  }

  /** Texts of the chart (labels, names, legend) that reach outside its canvas, and so are cut. */
  function cutTexts(c, problems) {
    var w = c.chart.getWidth();
    var h = c.chart.getHeight();
    var cut = [];
    c.chart.getZr().storage.getDisplayList().forEach(function (e) {
      if ((e.type !== 'tspan' && e.type !== 'text') || e.invisible || !e.style || !e.style.text) { return; }
      var b = e.getBoundingRect().clone();
      b.applyTransform(e.getComputedTransform());
      if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > w + 0.5 || b.y + b.height > h + 0.5) {
        cut.push(String(e.style.text));
      }
    });
    cut.forEach(function (t) { problems.push(c.id + ': text "' + t + '" reaches outside the chart'); });
    return cut;
  }

  /** Texts drawn inside shapes, and how many reach outside their shape (pixels of the chart's canvas). */
  function cellTexts(c) {
    var texts = 0;
    var spilled = 0;
    c.chart.getZr().storage.getDisplayList().forEach(function (host) {
      var text = host.getTextContent && host.getTextContent();
      if (!text || text.invisible || !text.style || !text.style.text) { return; }
      var hb = host.getBoundingRect().clone();
      hb.applyTransform(host.getComputedTransform());
      var tb = text.getBoundingRect().clone();
      tb.applyTransform(text.getComputedTransform());
      texts++;
      if (tb.x < hb.x - 0.5 || tb.y < hb.y - 0.5 || tb.x + tb.width > hb.x + hb.width + 0.5
        || tb.y + tb.height > hb.y + hb.height + 0.5) {
        spilled++;
      }
    });
    return { texts: texts, spilled: spilled };
  }

  /**
   * The points of the finite-width bands of a variance chart drawn from their own curve's theory point at the
   * same layer (log₁₀ predicted, from which the band is ln(predicted) − s²/2 ± 2s), counted; a band point with
   * no such theory point, or an empty one, is a problem.
   */
  function bandsAroundTheory(c, problems) {
    var series = c.option.series || [];
    var inside = 0;
    series.forEach(function (b) {
      if (b.type !== 'custom' || String(b.id).indexOf('band-') !== 0) { return; }
      var theory = series.filter(function (s) { return s.id === 'theory-' + String(b.id).slice(5); })[0];
      var at = {};
      (theory ? theory.data : []).forEach(function (p) { at[p[0]] = p[1]; });
      b.data.forEach(function (p) {
        var lg = at[p[0]];
        if (typeof lg === 'number' && Math.abs(p[3] - lg) <= 1e-9 * Math.max(1, Math.abs(lg)) && p[1] < p[2]) {
          inside++;
        } else {
          problems.push(c.id + ': band ' + b.id + ' at layer ' + p[0] + ' is [' + fmt(p[1]) + ', ' + fmt(p[2])
            + '] is not from the theory point there (' + lg + ')');
        }
      });
    });
    return inside;
  }

  /**
   * The measured lines of a variance or cost chart, {name, dash}; two with one name (a legend that cannot
   * tell them apart, e.g. two learning rates of one m) are a problem.
   */
  function measuredLines(c, problems) {
    var names = {};
    return (c.chart.getOption().series || []).filter(function (s) {
      return s.type === 'line' && s.id === undefined;
    }).map(function (s) {
      var name = String(s.name || '');
      if (names[name]) { problems.push(c.id + ': two lines named ' + name); }
      names[name] = true;
      return { name: name, dash: (s.lineStyle && s.lineStyle.type) || 'solid',
        width: (s.lineStyle && s.lineStyle.width) || null };
    });
  }

  /** Curves named "m = …" (variance, cost and learning curves) drawn in more than one colour across the page. */
  function colourClashes(problems) {
    var seen = {};
    charts.forEach(function (c) {
      if (!c.chart || (c.kind !== 'layers' && c.kind !== 'cost')) { return; }
      (c.chart.getOption().series || []).forEach(function (s) {
        var name = String(s.name || '');
        if (name.indexOf('m = ') !== 0) { return; }
        var key = name.split(' (')[0].split(', ')[0]; // the multiplier: its colour, whatever the setting
        var colour = (s.lineStyle && s.lineStyle.color) || (s.itemStyle && s.itemStyle.color);
        if (!colour) { return; }
        if (seen[key] && seen[key].colour !== colour) {
          problems.push(key + ' is ' + seen[key].colour + ' in ' + seen[key].chart + ' but ' + colour + ' in ' + c.id);
        } else if (!seen[key]) {
          seen[key] = { colour: colour, chart: c.id };
        }
      });
    });
  }

  function selfcheck() {
    var problems = [];
    var out = charts.map(function (c) {
      var r = { id: c.id, kind: c.kind, title: c.title, width: c.el.clientWidth, height: c.el.clientHeight,
        finished: c.finished };
      try {
        var px = countColours(c);
        if (!px) {
          problems.push(c.id + ': no canvas');
        } else {
          r.canvas = px.canvas;
          r.inked = px.inked;
          r.colours = {};
          c.expect.forEach(function (col, i) { r.colours[col] = px.counts[i]; });
          var data = px.counts.reduce(function (a, b) { return a + b; }, 0);
          r.data_pixels = data;
          r.chroma_pixels = px.chroma;
          if (c.kind === 'histogram' || c.kind === 'boundary' || c.kind === 'trainability') {
            var items = c.chart.getModel().getSeriesByIndex(0).getData().count();
            r.items = items;
            r.data_pixels = px.chroma;
            if (!(items > 0)) { problems.push(c.id + ': no data in the chart'); }
            if (px.chroma < 200) { problems.push(c.id + ': only ' + px.chroma + ' coloured pixels'); }
          } else if (c.kind === 'heatmap') {
            px.counts.forEach(function (n, i) {
              if (n < 200) { problems.push(c.id + ': regime colour ' + c.expect[i] + ' shows on ' + n + ' pixels'); }
            });
          } else if (data < 40) {
            problems.push(c.id + ': only ' + data + ' pixels in the colours of its lines');
          }
        }
        r.log_axes = logAxes(c, problems);
        r.axis_labels = axisLabels(c, problems);
        r.cut_texts = cutTexts(c, problems);
        if (c.kind === 'trainability') {
          // points of the theory bound inside the plot: where the analysis's PNG draws it, so should the page
          var xa = c.option.xAxis;
          var ya = c.option.yAxis;
          var bound = (c.option.series || []).filter(function (s) { return s.id === 'bound'; })[0];
          r.bound_in_view = bound ? bound.data.filter(function (p) {
            return p[1] !== null && p[0] >= xa.min && p[0] <= xa.max && p[1] >= ya.min && p[1] <= ya.max;
          }).length : 0;
          // the depths labelled beside the rows (as the PNG ticks them), where the axis itself is unlabelled
          r.depth_labels = [];
          (c.option.series || []).filter(function (s) { return s.name === 'labels'; }).forEach(function (s) {
            s.data.forEach(function (n) { if (n.kind === 'y') { r.depth_labels.push(n.text); } });
          });
        }
        r.series_ids = (c.chart.getOption().series || []).map(function (s) { return s.id === undefined ? null : String(s.id); });
        if (c.kind === 'layers') {
          r.band_points = bandsAroundTheory(c, problems);
        }
        if (c.kind === 'layers' || c.kind === 'cost') {
          r.lines = measuredLines(c, problems);
        }
        if (c.kind === 'heatmap') {
          var t = cellTexts(c);
          r.cell_texts = t.texts;
          r.text_spills = t.spilled;
          if (r.text_spills) { problems.push(c.id + ': text of ' + r.text_spills + ' cells reaches outside them'); }
        }
        var svg = exportSvg(c);
        r.svg_bytes = svg.length;
        r.svg_shapes = (svg.match(/<(path|rect|polyline|circle)\b/g) || []).length;
        if (svg.indexOf('<svg') !== 0 || r.svg_shapes < 10) { problems.push(c.id + ': SVG export is empty'); }
      } catch (e) {
        problems.push(c.id + ': ' + (e && e.message));
      }
      if (!(r.width > 0 && r.height > 0)) { problems.push(c.id + ': zero size'); }
      return r;
    });
    colourClashes(problems);
    if (charts.length !== expectedCharts) {
      problems.push('drew ' + charts.length + ' charts, expected ' + expectedCharts);
    }
    // a table row many lines tall (a long text squeezed into a narrow column) is a problem
    var tables = Array.prototype.map.call(document.querySelectorAll('table.data'), function (t) {
      var tallest = 0;
      Array.prototype.forEach.call(t.querySelectorAll('tbody tr'), function (tr) {
        tallest = Math.max(tallest, tr.getBoundingClientRect().height);
      });
      var caption = t.caption ? t.caption.textContent : '';
      if (tallest > MAX_ROW_PX) { problems.push('table ' + caption + ': a row ' + Math.round(tallest) + ' px tall'); }
      return { caption: caption, tallest_row: Math.round(tallest) };
    });
    var images = Array.prototype.slice.call(document.querySelectorAll('figure.png-chart img'));
    images.forEach(function (img) {
      if (!(img.complete && img.naturalWidth > 0)) { problems.push('image ' + img.getAttribute('src') + ' did not load'); }
    });
    var errs = errors.slice();
    var result = {
      ok: problems.length === 0 && errs.length === 0 && (charts.length > 0 || expectedCharts === 0),
      expected_charts: expectedCharts, charts: out, images: images.length, tables: tables, problems: problems, errors: errs,
      warnings: (window.__initsweepWarnings || []).slice(),
      page: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
      elements: domCensus(),
      sweep_name: document.getElementById('sweep-name') ? document.getElementById('sweep-name').textContent : null
    };
    var json = JSON.stringify(result).replace(/[<>&\u2028\u2029]/g, function (ch) {
      return '\\u' + ('000' + ch.charCodeAt(0).toString(16)).slice(-4);
    });
    document.getElementById('selfcheck').textContent = json;
    document.documentElement.setAttribute('data-selfcheck', result.ok ? 'pass' : 'fail');
  }

  // ---------------------------------------------------------------------------------------------

  function main() {
    var mainEl = document.getElementById('report');
    var nav = document.getElementById('toc');
    var toc = el('ol');
    nav.appendChild(el('h2', null, ['Contents']));
    nav.appendChild(toc);
    var key = el('p', { 'class': 'key' }, ['Regimes: ']);
    REGIMES.forEach(function (r) {
      var chip = el('span', { 'class': 'chip' });
      chip.style.background = REGIME_COLOUR[r];
      key.appendChild(chip);
      key.appendChild(document.createTextNode(r + '  '));
    });
    key.appendChild(document.createTextNode('\u2014 Okabe\u2013Ito colours, safe for colour-blind readers. '
      + 'Lines: solid m = 1 (each init scheme as defined), dashed predicted m_c, \u25c7 measured m where the backward rate is 0.'));
    nav.appendChild(key);
    (data.groups || []).forEach(function (g, i) {
      try {
        groupSection(mainEl, g, i, toc);
      } catch (e) {
        errors.push('cannot draw ' + g.title + ': ' + (e && e.stack || e));
      }
    });
    if (data.trainability) {
      try {
        trainabilitySection(mainEl, data.trainability, toc);
      } catch (e) {
        errors.push('cannot draw the trainability section: ' + (e && e.stack || e));
      }
    }
    if (data.isometry) {
      try {
        isometrySection(mainEl, data.isometry, toc);
      } catch (e) {
        errors.push('cannot draw the isometry section: ' + (e && e.stack || e));
      }
    }
    (data.extras || []).forEach(function (x, i) { extraSection(mainEl, x, i, toc); });
    moreChartsSection(mainEl, data.more_charts, toc);
    if (!(data.groups || []).length) {
      mainEl.appendChild(el('p', { 'class': 'warn' }, ['This sweep has no analyzed cells to chart.']));
    }
    charts.forEach(function (c) {
      try {
        draw(c);
      } catch (e) {
        errors.push('cannot draw ' + c.title + ': ' + (e && e.stack || e));
      }
    });
    var resizeTimer = null;
    window.addEventListener('resize', function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () { charts.forEach(function (c) { if (c.chart) { c.chart.resize(); } }); }, 100);
    });
    // Check once every chart has finished drawing (or after 2 s, reporting those that have not).
    var started = Date.now();
    (function wait() {
      var done = charts.every(function (c) { return c.finished; })
        && Array.prototype.every.call(document.querySelectorAll('figure.png-chart img'), function (i) { return i.complete; });
      if (done || Date.now() - started > 2000) {
        selfcheck();
      } else {
        setTimeout(wait, 25);
      }
    })();
  }

  if (typeof echarts === 'undefined') {
    errors.push('the charting library did not load');
    document.getElementById('selfcheck').textContent = JSON.stringify({ ok: false, charts: [], errors: errors });
    document.documentElement.setAttribute('data-selfcheck', 'fail');
  } else {
    main();
  }
})();
