// Fixes applied to mediasoup's worker sources before building them against Debian's libraries.
// Each patch names the exact text it replaces: if mediasoup changes that text, the build stops
// and says so, instead of silently building an unpatched worker.
import fs from 'node:fs';
import path from 'node:path';

export const SOURCE_PATCHES = [
  {
    file: 'worker/src/RTC/DtlsTransport.cpp',
    why:
      'onSslBioOut() must pass the BIO result through for every BIO_CB_RETURN call, not only for ' +
      'plain BIO_CB_RETURN. Returning 1 for BIO_CB_CTRL|BIO_CB_RETURN tells a kernel-TLS-enabled ' +
      'libssl (Debian builds OpenSSL with ktls) that the memory BIO does kTLS; libssl then never ' +
      'allocates its DTLS write buffer and the worker crashes on the first DTLS handshake.',
    find: 'long resultOfcallback = (operationType == BIO_CB_RETURN) ? static_cast<long>(ret) : 1;',
    replace: 'long resultOfcallback = (operationType & BIO_CB_RETURN) ? static_cast<long>(ret) : 1;',
  },
];

/** Applies every patch once; a second run finds them applied. Throws if a patch cannot apply. */
export function applySourcePatches(mediasoupDir, log) {
  for (const patch of SOURCE_PATCHES) {
    const file = path.join(mediasoupDir, patch.file);
    const before = fs.readFileSync(file, 'utf8');
    const found = before.split(patch.find).length - 1;
    if (found === 0 && before.includes(patch.replace)) {
      log(`source patch already applied: ${patch.file}`);
      continue;
    }
    if (found !== 1) {
      throw new Error(
        `cannot patch ${file}: expected exactly one occurrence of\n    ${patch.find}\n  found ${found}. ` +
          'mediasoup changed this code; review scripts/mediasoup-worker/source-patches.mjs.',
      );
    }
    fs.writeFileSync(file, before.replace(patch.find, patch.replace));
    const after = fs.readFileSync(file, 'utf8');
    if (after.includes(patch.find) || !after.includes(patch.replace)) {
      throw new Error(`patching ${file} did not take effect`);
    }
    log(`source patch applied: ${patch.file}`);
  }
}
