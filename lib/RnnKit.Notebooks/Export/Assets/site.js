// RnnKit course site: typesets the formulas with the local KaTeX, draws the Plotly charts with the local
// plotly.js, then writes what it did into #rnnkit-status as JSON (hidden; the test suite reads it through
// headless Chromium to prove every formula and chart rendered, with no script error and no network request).
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
      var code = ch.codePointAt(0);
      if ((code >= 0x2E80 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF) || (code >= 0xFE30 && code <= 0xFE4F) ||
          (code >= 0xFF00 && code <= 0xFFEF) || (code >= 0x20000 && code <= 0x3FFFF)) seen[ch] = true;
    });
    return Object.keys(seen);
  }

  // Characters drawn as the missing-glyph box: each is drawn in the page's font and compared, pixel for pixel, with
  // a private-use character that no font has.
  function missingGlyphs(characters) {
    var canvas = document.createElement("canvas");
    canvas.width = canvas.height = 40;
    var context = canvas.getContext("2d", { willReadFrequently: true });
    context.font = "32px " + getComputedStyle(document.body).fontFamily;
    function pixels(ch) {
      context.clearRect(0, 0, 40, 40);
      context.fillText(ch, 2, 32);
      return context.getImageData(0, 0, 40, 40).data.join(",");
    }
    var box = pixels("\uE000");
    return characters.filter(function (ch) { return pixels(ch) === box; });
  }

  function fontStatus() {
    var characters = cjkCharacters();
    if (characters.length === 0) return Promise.resolve({ cjk: 0, missingGlyphs: [], webFontFaces: 0 });
    return document.fonts.load('32px "Noto Sans SC"', characters.join("")).then(function (faces) {
      return { cjk: characters.length, missingGlyphs: missingGlyphs(characters), webFontFaces: faces.length };
    });
  }

  function report() {
    fontStatus().catch(function (e) {
      errors.push("fonts: " + e.message);
      return { cjk: -1, missingGlyphs: [], webFontFaces: 0 };
    }).then(write);
  }

  function write(fonts) {
    var status = {
      cjk: fonts.cjk,
      missingGlyphs: fonts.missingGlyphs,
      webFontFaces: fonts.webFontFaces,
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
