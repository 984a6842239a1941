// zod for modules that run in the browser. zod compiles object parsers with `new Function` unless told
// not to, and merely probing whether it may do so is reported as a Content-Security-Policy violation
// (scripts run only by nonce here, never by eval). The setting must be made before any schema is built, so
// browser code imports `z` from here: this module is evaluated before the module that builds its schemas.
import { z } from "zod";

// Only in the browser: the same modules also render on the server, whose zod may be shared with route handlers
// that keep the faster compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
