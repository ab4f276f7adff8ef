// Loaded as a module at the end of <body>; modules only run in browsers GOV.UK Frontend supports.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();
