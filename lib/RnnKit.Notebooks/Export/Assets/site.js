// RnnKit course site: typesets the formulas with the local KaTeX, draws the Plotly charts with the local
// plotly.js, then writes what it did into #rnnkit-status as JSON (hidden; the test suite reads it through
// headless Chromium to prove every formula and chart rendered, with no script error and no network request, that
// Chinese text and chart titles are drawn by the site's web font, and where the language switch leads).
(function () {
  "use strict";
  var errors = [];

  window.addEventListener("error", function (e) {
    var target = e.target;
    if (target && target !== window && (target.src || target.href)) {
      errors.push("failed to load " + (target.src || target.href));
    } else {
      errors.push((e.message || "script error") + (e.filename ? " (" + e.filename + ":" + e.lineno + ")" : ""));
    }
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    errors.push("unhandled rejection: " + (e.reason && e.reason.message ? e.reason.message : String(e.reason)));
  });

  // Markdig writes \( … \) inside span.math and \[ … \] inside div.math; KaTeX wants the formula alone.
  function formula(el) {
    var tex = el.textContent.trim();
    var open = tex.slice(0, 2), close = tex.slice(-2);
    if ((open === "\\(" && close === "\\)") || (open === "\\[" && close === "\\]")) {
      tex = tex.slice(2, -2);
    }
    return tex;
  }

  function typeset() {
    document.querySelectorAll(".math").forEach(function (el) {
      katex.render(formula(el), el, { displayMode: el.tagName === "DIV", throwOnError: false });
    });
  }

  function draw() {
    var drawn = [];
    document.querySelectorAll("script.plotly-spec").forEach(function (spec) {
      var figure = JSON.parse(spec.textContent);
      var div = document.getElementById(spec.dataset.chart);
      var config = Object.assign({ responsive: true, displaylogo: false }, figure.config || {});
      // Chinese labels fall through Plotly's own fonts to the site's web font, as the page text does.
      var layout = Object.assign({}, figure.layout || {});
      layout.font = Object.assign({ family: '"Open Sans", verdana, arial, "Noto Sans SC", sans-serif' }, layout.font || {});
      drawn.push(Plotly.newPlot(div, figure.data, layout, config));
    });
    return Promise.all(drawn);
  }

  function count(selector, test) {
    return Array.prototype.filter.call(document.querySelectorAll(selector), test).length;
  }

  // The distinct Chinese characters on the page (text and drawn charts), as the site's font covers them.
  function cjkCharacters() {
    var seen = {};
    Array.from(document.body.textContent).forEach(function (ch) {
      if (isCjk(ch)) seen[ch] = true;
    });
    return Object.keys(seen);
  }

  function isCjk(ch) {
    var code = ch.codePointAt(0);
    return (code >= 0x2E80 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF) || (code >= 0xFE30 && code <= 0xFE4F) ||
      (code >= 0xFF00 && code <= 0xFFEF) || (code >= 0x20000 && code <= 0x3FFFF);
  }

  // A character drawn in a font family, as pixels, to compare drawings.
  var canvas = null, context = null;
  function pixels(ch, family) {
    if (!canvas) {
      canvas = document.createElement("canvas");
      canvas.width = canvas.height = 40;
      context = canvas.getContext("2d", { willReadFrequently: true });
    }
    context.font = "32px " + family;
    context.clearRect(0, 0, 40, 40);
    context.fillText(ch, 2, 32);
    return context.getImageData(0, 0, 40, 40).data.join(",");
  }

  // Characters drawn as the missing-glyph box: each is drawn in the given font family (the page's by default) and
  // compared, pixel for pixel, with a private-use character that no font has.
  function missingGlyphs(characters, family) {
    family = family || getComputedStyle(document.body).fontFamily;
    var box = pixels("\uE000", family);
    return characters.filter(function (ch) { return pixels(ch, family) === box; });
  }

  // The Chinese in the drawn charts' titles (Plotly's SVG text, in the font family site.js gave the chart): the
  // characters drawn as boxes in that family, and those drawn otherwise than by the site's web font alone.
  function chartTitles() {
    return Array.prototype.map.call(document.querySelectorAll(".plotly-chart svg text.gtitle"), function (title) {
      var chinese = Array.from(title.textContent).filter(isCjk);
      var family = title.style.fontFamily || getComputedStyle(title).fontFamily;
      return {
        text: title.textContent,
        font: family,
        cjk: chinese.length,
        missingGlyphs: missingGlyphs(chinese, family),
        notWebFont: chinese.filter(function (ch) { return pixels(ch, family) !== pixels(ch, '"Noto Sans SC"'); })
      };
    });
  }

  function fontStatus() {
    var characters = cjkCharacters();
    if (characters.length === 0) return Promise.resolve({ cjk: 0, missingGlyphs: [], webFontFaces: 0, chartTitles: chartTitles() });
    return document.fonts.load('32px "Noto Sans SC"', characters.join("")).then(function (faces) {
      return { cjk: characters.length, missingGlyphs: missingGlyphs(characters), webFontFaces: faces.length, chartTitles: chartTitles() };
    });
  }

  function report() {
    fontStatus().catch(function (e) {
      errors.push("fonts: " + e.message);
      return { cjk: -1, missingGlyphs: [], webFontFaces: 0, chartTitles: [] };
    }).then(write);
  }

  function write(fonts) {
    var status = {
      cjk: fonts.cjk,
      missingGlyphs: fonts.missingGlyphs,
      webFontFaces: fonts.webFontFaces,
      chartTitles: fonts.chartTitles,
      lang: document.documentElement.lang,
      switches: Array.prototype.map.call(document.querySelectorAll("a.language-switch"), function (a) { return a.href; }),
      formulas: document.querySelectorAll(".math").length,
      typeset: count(".math", function (el) { return el.querySelector(".katex") !== null; }),
      katexErrors: document.querySelectorAll(".katex-error").length,
      charts: document.querySelectorAll(".plotly-chart").length,
      drawn: count(".plotly-chart", function (el) { return el.querySelector("svg.main-svg") !== null; }),
      errors: errors,
      external: performance.getEntriesByType("resource")
        .map(function (r) { return r.name; })
        .filter(function (url) { return !/^(file|data|blob|about):/.test(url); })
    };
    var el = document.getElementById("rnnkit-status");
    el.textContent = JSON.stringify(status);
    el.setAttribute("data-state", "done");
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector(".math")) {
      try { typeset(); } catch (e) { errors.push("math: " + e.message); }
    }
    var charts = Promise.resolve();
    if (document.querySelector("script.plotly-spec")) {
      try { charts = draw(); } catch (e) { errors.push("charts: " + e.message); }
    }
    charts.catch(function (e) { errors.push("charts: " + e.message); }).then(function () {
      if (document.readyState === "complete") report();
      else window.addEventListener("load", report);
    });
  });
})();
