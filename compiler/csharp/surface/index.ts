// Loads every surface table (order does not matter: signatures are parsed on first use).
import "./system.js";
import "./string.js";
import "./collections.js";
import "./linq.js";
import "./context.js";
import "./newtonsoft.js";
import "./datetime.js";
import "./misc.js";
import "./xml.js";
import "./textio.js";
import "./crypto.js";
import "./x509.js";
import "./timezone.js";
import "./type-code.js";
import "./collection-views.js";
import "./time-zone-obsolete.js";
