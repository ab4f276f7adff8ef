// Runs first in <body>: tells GOV.UK Frontend's CSS that JavaScript runs (a static file, so that
// the Content-Security-Policy can forbid inline scripts).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
