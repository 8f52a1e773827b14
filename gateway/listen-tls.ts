// TLS at the gateway (gateway.json `listen.tls`): the gateway port speaks HTTPS with the given
// certificate and key files, optionally asking clients for a certificate (`requestClientCertificate`,
// checked against `ca`, never refused at the handshake: validate-client-certificate decides), and
// takes new files without a restart: the folders of the files are watched (editors and cert
// renewers replace files by renaming) and a changed, complete set is swapped in with
// server.setSecureContext; a set that does not load keeps the old one and is reported.
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readFileSync, watch, type FSWatcher } from "node:fs";
import { createSecureContext, type SecureContextOptions, type TLSSocket } from "node:tls";
import { X509Certificate as NodeX509 } from "node:crypto";
import { basename, dirname, resolve } from "node:path";
import type { NamedValueTable } from "../runtime/named-values.js";
import { certificateFromDer, type X509Certificate2 } from "../runtime/dotnet/x509.js";
import type { ClientCertificateFacts } from "../runtime/security/client-certificate.js";

export interface ListenTlsConfig {
  /** PEM certificate (chain) file. */
  cert: string;
  /** PEM private key file. */
  key: string;
  /** PEM CA certificates client certificates are checked against (default: the system's CAs). */
  ca?: string;
  /** Ask clients for a certificate (context.Request.Certificate, validate-client-certificate). */
  requestClientCertificate?: boolean;
  /** The key's passphrase, or `{{named value}}`. */
  passphrase?: string;
}

/** A problem with one of the files: which property, and what is wrong. */
export class ListenTlsError extends Error {
  constructor(
    readonly property: "cert" | "key" | "ca" | "passphrase",
    message: string,
  ) {
    super(message);
  }
}

/** Reads the files and proves they make a secure context; throws ListenTlsError. */
export function loadListenTls(cfg: ListenTlsConfig, dir: string, namedValues: NamedValueTable): SecureContextOptions {
  const read = (property: "cert" | "key" | "ca", rel: string): Buffer => {
    try {
      return readFileSync(resolve(dir, rel));
    } catch (e) {
      throw new ListenTlsError(property, `cannot read ${property} file '${rel}' (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
    }
  };
  const options: SecureContextOptions = { cert: read("cert", cfg.cert), key: read("key", cfg.key) };
  if (cfg.ca !== undefined) options.ca = read("ca", cfg.ca);
  if (cfg.passphrase !== undefined) {
    const m = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(cfg.passphrase);
    const value = m ? namedValues.values[m[1]!] : cfg.passphrase;
    if (value === undefined) throw new ListenTlsError("passphrase", `the named value '${m![1]}' is not configured.`);
    options.passphrase = value;
  }
  try {
    new NodeX509(options.cert as Buffer);
  } catch (e) {
    throw new ListenTlsError("cert", `'${cfg.cert}' is not a PEM certificate (${(e as Error).message}).`);
  }
  try {
    createSecureContext(options);
  } catch (e) {
    const msg = (e as Error).message;
    const property = /passphrase|decrypt/i.test(msg) ? "passphrase" : /ca|certificate/i.test(msg) && !/key/i.test(msg) ? "cert" : "key";
    throw new ListenTlsError(property, `the certificate and key do not make a TLS context (${msg}): the key must be the certificate's, in PEM${cfg.passphrase === undefined ? ", not encrypted (or give 'passphrase')" : ", and the passphrase right"}.`);
  }
  return options;
}

const FACTS = Symbol("apimc.clientCertificate");
type WithFacts = TLSSocket & { [FACTS]?: X509Certificate2 | null };

/**
 * context.Request.Certificate of a request on this TLS connection: the client's certificate (an
 * X509Certificate2 with what validate-client-certificate needs: whether the handshake verified its
 * chain, its issuer's certificate when the client sent it), or null. Read once per connection.
 */
export function requestCertificate(socket: TLSSocket): X509Certificate2 | null {
  const s = socket as WithFacts;
  if (s[FACTS] !== undefined) return s[FACTS];
  const peer = s.getPeerCertificate(true);
  let cert: X509Certificate2 | null = null;
  if (peer && peer.raw) {
    cert = certificateFromDer(new Uint8Array(peer.raw));
    const issuer = peer.issuerCertificate && peer.issuerCertificate !== peer && peer.issuerCertificate.raw ? peer.issuerCertificate.raw : null;
    const facts: ClientCertificateFacts = { trusted: s.authorized === true, trustError: s.authorizationError ? String(s.authorizationError) : null, issuerDer: issuer };
    (cert as unknown as { $facts: ClientCertificateFacts }).$facts = facts;
  }
  s[FACTS] = cert;
  return cert;
}

export interface TlsListener {
  server: HttpsServer;
  /** Stops watching the files. */
  close(): void;
}

/** The HTTPS server of the gateway port, reloading its certificate when the files change. */
export function createTlsListener(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  cfg: ListenTlsConfig,
  dir: string,
  namedValues: NamedValueTable,
  report: (ok: boolean, message: string) => void,
): TlsListener {
  const options = loadListenTls(cfg, dir, namedValues);
  const server = createHttpsServer({ ...options, requestCert: cfg.requestClientCertificate === true, rejectUnauthorized: false }, handler);
  const files = [cfg.cert, cfg.key, ...(cfg.ca !== undefined ? [cfg.ca] : [])].map((f) => resolve(dir, f));
  let timer: NodeJS.Timeout | null = null;
  let last = JSON.stringify(files.map((f) => safeRead(f)));
  const reload = () => {
    timer = null;
    const now = JSON.stringify(files.map((f) => safeRead(f)));
    if (now === last) return;
    try {
      const next = loadListenTls(cfg, dir, namedValues);
      server.setSecureContext({ ...next });
      last = now;
      report(true, `apimc: listen.tls: new certificate from ${cfg.cert} in use (new connections)`);
    } catch (e) {
      // A renewer writes the certificate and the key one after the other: a half-written pair is
      // told, and the old one serves until the pair is whole.
      report(false, `apimc: listen.tls: ${(e as Error).message} The previous certificate stays in use.`);
    }
  };
  const watchers: FSWatcher[] = [];
  for (const folder of new Set(files.map((f) => dirname(f)))) {
    const names = new Set(files.filter((f) => dirname(f) === folder).map((f) => basename(f)));
    try {
      const w = watch(folder, (_event, name) => {
        if (name !== null && !names.has(String(name))) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(reload, 100);
      });
      w.on("error", () => {});
      watchers.push(w);
    } catch (e) {
      report(false, `apimc: listen.tls: cannot watch ${folder} (${(e as Error).message}); certificate changes need a restart.`);
    }
  }
  return {
    server,
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file).toString("base64");
  } catch {
    return "";
  }
}
