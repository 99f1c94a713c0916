// Differential peer for tst_josedifferential: the `jose` npm package signs and verifies JWS for
// every algorithm Tokenbench supports.
//
//   node jose-differential.mjs AUTHSERVER_DIR sign OUT.json
//       For each algorithm: a fresh key (pair), a JWT signed by jose; writes
//       [{alg, kid, token, jwk (public, or oct for HS*), pem (SPKI, asymmetric only), claims}].
//   node jose-differential.mjs AUTHSERVER_DIR b64 OUT.json
//       RFC 7797 vectors: compact JWS with "b64" true/false in "crit" (an unencoded payload is put
//       between the dots as it is), "b64": false without "crit", and an unknown "crit" parameter;
//       writes [{name, alg, token, jwk, expect: 'valid' | 'refused', payload}]. jose verifies each
//       'valid' token itself first, so the vectors are right independently of Tokenbench.
//   node jose-differential.mjs AUTHSERVER_DIR verify IN.json OUT.json
//       IN: [{alg, token, jwk}]; jose verifies each token with the JWK (only that alg allowed);
//       writes [{alg, ok, header, payload} | {alg, ok: false, error}].
//
// jose is resolved from AUTHSERVER_DIR/node_modules (tests/authserver, installed by `npm ci`).

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [, , dir, mode, first, second] = process.argv;
const require = createRequire(path.join(dir, 'package.json'));
const jose = require('jose');

const ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512', 'EdDSA'];

async function sign(outFile) {
  const results = [];
  for (const alg of ALGORITHMS) {
    const kid = `jose-${alg}`;
    let signingKey;
    let jwk;
    let pem = null;
    if (alg.startsWith('HS')) {
      signingKey = await jose.generateSecret(alg);
      jwk = await jose.exportJWK(signingKey);
    } else {
      const { publicKey, privateKey } = await jose.generateKeyPair(alg, { modulusLength: 2048 });
      signingKey = privateKey;
      jwk = await jose.exportJWK(publicKey);
      pem = await jose.exportSPKI(publicKey);
    }
    jwk.kid = kid;
    const claims = { sub: 'differential', alg_under_test: alg, ratio: 1.5, nested: { b: [1, 2], a: 'x<y>&z' } };
    const token = await new jose.SignJWT(claims)
      .setProtectedHeader({ alg, kid, typ: 'JWT' })
      .setIssuer('https://jose.example')
      .setAudience('tokenbench')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(signingKey);
    results.push({ alg, kid, token, jwk, pem, claims });
  }
  writeFileSync(outFile, JSON.stringify(results, null, 1));
}

async function b64Vectors(outFile) {
  const results = [];
  const encoder = new TextEncoder();
  for (const alg of ['HS256', 'RS256', 'ES256', 'EdDSA']) {
    let signingKey;
    let verifyKey;
    let jwk;
    if (alg.startsWith('HS')) {
      signingKey = await jose.generateSecret(alg);
      verifyKey = signingKey;
      jwk = await jose.exportJWK(signingKey);
    } else {
      const { publicKey, privateKey } = await jose.generateKeyPair(alg, { modulusLength: 2048 });
      signingKey = privateKey;
      verifyKey = publicKey;
      jwk = await jose.exportJWK(publicKey);
    }
    const cases = [
      { name: 'b64 false raw text', header: { alg, b64: false, crit: ['b64'] }, payload: '$02~!*', expect: 'valid' },
      { name: 'b64 false JSON', header: { alg, b64: false, crit: ['b64'] }, payload: '{"sub":"unencoded","n":1}', expect: 'valid' },
      { name: 'b64 true in crit', header: { alg, b64: true, crit: ['b64'] }, payload: '{"sub":"encoded"}', expect: 'valid' },
      // jose ignores b64 when crit does not list it, and encodes the payload; Tokenbench refuses.
      { name: 'b64 false without crit', header: { alg, b64: false }, payload: '{"sub":"x"}', expect: 'refused' },
      { name: 'unknown crit', header: { alg, b64: true, crit: ['b64', 'urn:x'], 'urn:x': 1 }, payload: '{"sub":"y"}',
        expect: 'refused', crit: { 'urn:x': true } },
    ];
    for (const c of cases) {
      const jws = await new jose.FlattenedSign(encoder.encode(c.payload))
        .setProtectedHeader(c.header)
        .sign(signingKey, c.crit ? { crit: c.crit } : undefined);
      const unencoded = c.header.b64 === false && (c.header.crit ?? []).includes('b64');
      const token = `${jws.protected}.${unencoded ? c.payload : jws.payload}.${jws.signature}`;
      if (c.expect === 'valid') {
        const { payload } = await jose.compactVerify(token, verifyKey, { algorithms: [alg] });
        if (new TextDecoder().decode(payload) !== c.payload) {
          throw new Error(`jose does not read back ${c.name} / ${alg}`);
        }
      }
      results.push({ name: `${c.name} ${alg}`, alg, token, jwk, expect: c.expect, payload: c.payload });
    }
  }
  writeFileSync(outFile, JSON.stringify(results, null, 1));
}

async function verify(inFile, outFile) {
  const cases = JSON.parse(readFileSync(inFile, 'utf8'));
  const results = [];
  for (const c of cases) {
    try {
      const key = await jose.importJWK(c.jwk, c.alg);
      const { payload, protectedHeader } = await jose.jwtVerify(c.token, key, { algorithms: [c.alg] });
      results.push({ alg: c.alg, ok: true, header: protectedHeader, payload });
    } catch (e) {
      results.push({ alg: c.alg, ok: false, error: `${e.code ?? e.name}: ${e.message}` });
    }
  }
  writeFileSync(outFile, JSON.stringify(results, null, 1));
}

if (mode === 'sign') {
  await sign(first);
} else if (mode === 'verify') {
  await verify(first, second);
} else if (mode === 'b64') {
  await b64Vectors(first);
} else {
  console.error('usage: jose-differential.mjs AUTHSERVER_DIR sign OUT | b64 OUT | verify IN OUT');
  process.exit(2);
}
