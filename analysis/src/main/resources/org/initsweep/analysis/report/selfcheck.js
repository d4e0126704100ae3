/* initsweep report: collects every error the page meets (script errors, rejected promises,
   console.error, Content-Security-Policy violations, resources that failed to load), so the
   page's self-check (report.js, written into #selfcheck) can list them. Runs before anything else. */
(function () {
  'use strict';
  var errors = [];
  var warnings = [];
  window.__initsweepErrors = errors;
  window.__initsweepWarnings = warnings;
  function text(args) {
    return Array.prototype.map.call(args, function (a) {
      if (a instanceof Error) { return a.stack || a.message; }
      if (typeof a === 'object') { try { return JSON.stringify(a); } catch (e) { return String(a); } }
      return String(a);
    }).join(' ').slice(0, 1000);
  }
  window.addEventListener('error', function (e) {
    var t = e && e.target;
    if (t && t !== window && (t.src || t.href)) {
      errors.push('resource failed to load: ' + (t.src || t.href));
      return;
    }
    errors.push('error: ' + (e.error && e.error.stack ? e.error.stack : e.message)
      + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : ''));
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    errors.push('unhandled rejection: ' + text([e.reason]));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    errors.push('content security policy: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code'));
  });
  var consoleError = console.error;
  var consoleWarn = console.warn;
  console.error = function () {
    errors.push('console.error: ' + text(arguments));
    return consoleError.apply(console, arguments);
  };
  console.warn = function () {
    warnings.push('console.warn: ' + text(arguments));
    return consoleWarn.apply(console, arguments);
  };
  // If the report's own script never gets to write its check, say so rather than leave it empty.
  window.addEventListener('load', function () {
    setTimeout(function () {
      var pre = document.getElementById('selfcheck');
      if (pre && !pre.textContent) {
        errors.push('the report script did not finish drawing');
        pre.textContent = JSON.stringify({ ok: false, charts: [], errors: errors, warnings: warnings })
          .replace(/[<>&]/g, function (c) { return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4); });
        document.documentElement.setAttribute('data-selfcheck', 'fail');
      }
    }, 4000);
  });
})();
