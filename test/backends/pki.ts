// A small PKI made at test time with openssl: a CA, server certificates (one for 127.0.0.1, one
// for the name "localhost" only, one self-signed) and client certificates signed by the CA (and
// one by another CA), each as PEM files in a temporary folder.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { X509Certificate } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Pki {
  dir: string;
  file(name: string): string;
  read(name: string): Buffer;
  /** SHA-1 thumbprint, upper-case hex (APIM's form). */
  thumbprint(name: string): string;
}

export function makePki(clients: string[] = ["client1", "client2"]): Pki {
  const dir = mkdtempSync(join(tmpdir(), "apimc-pki-"));
  const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const key = (name: string) => ssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", `${name}.key`);
  const sign = (name: string, subj: string, ca: string, ext: string) => {
    key(name);
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl("req", "-new", "-key", `${name}.key`, "-out", `${name}.csr`, "-subj", subj);
    ssl("x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.pem`, "-CAkey", `${ca}.key`, "-CAcreateserial", "-out", `${name}.pem`, "-days", "2", "-extfile", `${name}.ext`);
  };
  for (const ca of ["ca", "otherca"]) {
    key(ca);
    ssl("req", "-x509", "-new", "-key", `${ca}.key`, "-out", `${ca}.pem`, "-days", "2", "-subj", `/CN=apimc test ${ca}`, "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  }
  sign("server-ip", "/CN=127.0.0.1", "ca", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
  sign("server-name", "/CN=localhost", "ca", "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
  key("selfsigned");
  ssl("req", "-x509", "-new", "-key", "selfsigned.key", "-out", "selfsigned.pem", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
  for (const c of clients) sign(c, `/CN=${c}/O=apimc tests`, "ca", `subjectAltName=DNS:${c}.example\nextendedKeyUsage=clientAuth\n`);
  sign("stranger", "/CN=stranger", "otherca", "extendedKeyUsage=clientAuth\n");
  // Client certificates outside their validity (openssl ca takes explicit dates).
  writeFileSync(join(dir, "index.txt"), "");
  writeFileSync(join(dir, "serial"), "1000\n");
  writeFileSync(join(dir, "ca.cnf"), "[ca]\ndefault_ca=d\n[d]\ndir=.\ndatabase=index.txt\nserial=serial\nnew_certs_dir=.\ncertificate=ca.pem\nprivate_key=ca.key\ndefault_md=sha256\npolicy=p\nunique_subject=no\ncopy_extensions=copy\n[p]\ncommonName=supplied\n");
  for (const [name, start, end] of [["expired", "20200101000000Z", "20200201000000Z"], ["future", "20990101000000Z", "20990201000000Z"]] as const) {
    key(name);
    ssl("req", "-new", "-key", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
    ssl("ca", "-batch", "-config", "ca.cnf", "-startdate", start, "-enddate", end, "-in", `${name}.csr`, "-out", `${name}.pem`, "-notext");
  }
  return {
    dir,
    file: (n) => join(dir, n),
    read: (n) => readFileSync(join(dir, n)),
    thumbprint: (n) => new X509Certificate(readFileSync(join(dir, `${n}.pem`))).fingerprint.replace(/:/g, ""),
  };
}
