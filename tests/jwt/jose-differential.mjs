// Differential peer for tst_josedifferential: the `jose` npm package signs and verifies JWS for
// every algorithm Tokenbench supports.
//
//   node jose-differential.mjs AUTHSERVER_DIR sign OUT.json
//       For each algorithm: a fresh key (pair), a JWT signed by jose; writes
//       [{alg, kid, token, jwk (public, or oct for HS*), pem (SPKI, asymmetric only), claims}].
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
} else {
  console.error('usage: jose-differential.mjs AUTHSERVER_DIR sign OUT | verify IN OUT');
  process.exit(2);
}
