// dragoman charts: each element with data-chart and data-src is drawn from the JSON API.
// No inline script (CSP script-src 'self'); data are text only: labels go to the canvas,
// and every tooltip string built here is escaped.
(function () {
  "use strict";
  var QUADS = [
    { key: 1, name: "Verbal cooperation", color: "#74c476" },
    { key: 2, name: "Material cooperation", color: "#238b45" },
    { key: 3, name: "Verbal conflict", color: "#fd8d3c" },
    { key: 4, name: "Material conflict", color: "#cb181d" }
  ];

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function empty(el, message) {
    el.textContent = "";
    var p = document.createElement("p");
    p.className = "empty";
    p.textContent = message;
    el.appendChild(p);
    el.dataset.rendered = "empty";
  }

  function monthOf(r) { return r.month || r.period; }

  // every month from the first to the last one present, so the time axis is even
  function months(rows) {
    var have = rows.map(monthOf).filter(function (m) { return /^\d{4}-\d{2}$/.test(m); }).sort();
    if (!have.length) return [];
    var y = +have[0].slice(0, 4), m = +have[0].slice(5, 7), out = [];
    var last = have[have.length - 1];
    while (out.length < 2400) {
      var label = y + "-" + (m < 10 ? "0" : "") + m;
      out.push(label);
      if (label >= last) break;
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function byMonth(rows) {
    var by = {};
    rows.forEach(function (r) { by[monthOf(r)] = r; });
    return by;
  }

  function timeline(el, data) {
    var rows = data.timeline || [];
    if (!rows.length) return empty(el, "No dated events yet.");
    var periods = months(rows);
    var bin = function (m) { return m; };
    if (periods.length > 120) {  // over ten years: a bar per year reads better than a hairline per month
      bin = function (m) { return m.slice(0, 4); };
      periods = periods.map(bin).filter(function (y, i, all) { return all.indexOf(y) === i; });
      var title = document.getElementById(el.dataset.title || "");
      if (title) title.textContent = "Events per year by quad class";
    }
    var series = QUADS.map(function (q) {
      var by = {};
      rows.forEach(function (r) {
        if (r.quad_class === q.key) by[bin(monthOf(r))] = (by[bin(monthOf(r))] || 0) + r.events;
      });
      return { name: q.name, type: "bar", stack: "all", itemStyle: { color: q.color },
               data: periods.map(function (p) { return by[p] || 0; }) };
    });
    return {
      tooltip: { trigger: "axis" }, legend: { top: 4 },
      grid: { left: 50, right: 20, top: 40, bottom: periods.length > 36 ? 80 : 40 },
      xAxis: { type: "category", data: periods }, yAxis: { type: "value", name: "events", minInterval: 1 },
      dataZoom: periods.length > 36 ? [{ type: "slider", bottom: 10 }] : [], series: series
    };
  }

  function monthly(el, data) {
    var found = data.rows || data.series || [];
    if (!found.length) return empty(el, "No dated events for this selection.");
    var periods = months(found), by = byMonth(found);
    var zero = { cooperation: 0, conflict: 0, goldstein_sum: 0 };
    var rows = periods.map(function (p) { return by[p] || zero; });
    return {
      tooltip: { trigger: "axis" }, legend: { top: 4 },
      grid: { left: 50, right: 60, top: 40, bottom: periods.length > 36 ? 80 : 40 },
      dataZoom: periods.length > 36 ? [{ type: "slider", bottom: 10 }] : [],
      xAxis: { type: "category", data: periods },
      yAxis: [{ type: "value", name: "events", minInterval: 1 }, { type: "value", name: "Goldstein", position: "right" }],
      series: [
        { name: "Cooperation", type: "bar", itemStyle: { color: "#238b45" }, data: rows.map(function (r) { return r.cooperation; }) },
        { name: "Conflict", type: "bar", itemStyle: { color: "#cb181d" }, data: rows.map(function (r) { return r.conflict; }) },
        { name: "Goldstein sum", type: "line", yAxisIndex: 1, showSymbol: periods.length <= 36, itemStyle: { color: "#1f4e79" },
          data: rows.map(function (r) { return r.goldstein_sum; }) }
      ]
    };
  }

  function tone(g) { return g > 0.5 ? "#238b45" : (g < -0.5 ? "#cb181d" : "#9aa5b1"); }

  function network(el, data) {
    var nodes = data.nodes || [];
    if (!nodes.length) return empty(el, "No events between two known actors yet.");
    var max = Math.max.apply(null, nodes.map(function (n) { return n.events; }));
    return {
      tooltip: {
        formatter: function (p) {
          if (p.dataType === "edge") {
            var e = p.data;
            return esc(e.source + " → " + e.target) + "<br>" + esc(e.weight + " events, mean Goldstein " + e.goldstein_mean);
          }
          return esc(p.data.name + ": " + p.data.events + " events");
        }
      },
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        label: { show: true, position: "right", fontSize: 11 },
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 7,
        force: { repulsion: 220, edgeLength: [60, 180], gravity: 0.08 },
        data: nodes.map(function (n) {
          return { id: n.id, name: n.id, events: n.events, symbolSize: 10 + 36 * Math.sqrt(n.events / max) };
        }),
        links: (data.edges || []).map(function (e) {
          return { source: e.source, target: e.target, weight: e.weight, goldstein_mean: e.goldstein_mean,
                   lineStyle: { color: tone(e.goldstein_mean), width: 1 + Math.min(6, Math.log2(1 + e.weight)), opacity: 0.8, curveness: 0.15 } };
        })
      }]
    };
  }

  var KINDS = { timeline: timeline, series: monthly, network: network };

  function draw(el) {
    var build = KINDS[el.dataset.chart];
    fetch(el.dataset.src, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) {
        var option = build(el, data);
        if (!option) return;
        var chart = echarts.init(el);
        chart.setOption(option);
        if (el.dataset.chart === "network") {
          chart.on("click", function (p) {
            if (p.dataType === "node") window.location.href = "/actors/" + encodeURIComponent(p.data.id);
          });
        }
        window.addEventListener("resize", function () { chart.resize(); });
        chart.on("finished", function () { el.dataset.rendered = "chart"; });
      })
      .catch(function (err) { empty(el, "Could not load the chart: " + err.message); el.dataset.rendered = "error"; });
  }

  document.querySelectorAll("[data-chart]").forEach(draw);
})();
