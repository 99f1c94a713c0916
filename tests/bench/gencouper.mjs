// Writes a Couper configuration of about --mb megabytes: one api with an endpoint per backend and
// `definitions { backend "b_N" { ... oauth2 { ... } } }` blocks, every one valid for `tokenbench-cli check`.
//   node gencouper.mjs OUT.hcl [MB]
import { writeFileSync } from 'node:fs';

const [out, mbArg] = process.argv.slice(2);
const target = Math.round(Number(mbArg || 5) * 1024 * 1024);
const grants = ['client_credentials', 'password', 'client_credentials', 'client_credentials'];
const methods = ['client_secret_basic', 'client_secret_post'];

function backend(i) {
  const grant = grants[i % grants.length];
  const user = grant === 'password'
    ? `      username = "svc-${i}"\n      password = env.SVC_PASSWORD_${i % 50}\n` : '';
  return `  # Tenant ${i}: upstream API with its own authorization server.
  backend "b_${i}" {
    origin = "https://api-${i}.example.com"
    hostname = "api-${i}.example.com"
    path = "/v1/**"
    timeout = "30s"
    connect_timeout = "5s"
    ttfb_timeout = "20s"
    set_request_headers = {
      x-tenant = "tenant-${i}"
      x-request-source = "couper"
    }
    oauth2 {
      token_endpoint = "https://auth-${i % 97}.example.com/oauth2/token"
      token_endpoint_auth_method = "${methods[i % methods.length]}"
      client_id = "client-${i}"
      client_secret = env.CLIENT_SECRET_${i % 50}
      grant_type = "${grant}"
${user}      scope = "read:items write:items"
    }
  }
`;
}

const parts = [];
let size = 0;
let n = 0;
const endpoints = [];
const defs = [];
while (size < target) {
  const b = backend(n);
  const e = `    endpoint "/t${n}/**" {\n      proxy {\n        backend = "b_${n}"\n      }\n    }\n`;
  defs.push(b);
  endpoints.push(e);
  size += b.length + e.length;
  n++;
}
parts.push('server "bench" {\n  api {\n', ...endpoints, '  }\n}\n\ndefinitions {\n', ...defs, '}\n');
writeFileSync(out, parts.join(''));
console.log(n);
