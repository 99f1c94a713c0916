// Parses one HCL file with @cdktf/hcl2json (Go's hcl library compiled to WebAssembly) and prints the
// in-process parse time: "parse_ms=<ms> json_bytes=<n>". Run as a whole process by scripts/bench.sh too.
'use strict';
const fs = require('fs');
const path = require('path');

const moduleDir = process.env.HCL2JSON_MODULE
    || path.join(__dirname, '..', 'authserver', 'node_modules', '@cdktf', 'hcl2json');
const { parse } = require(moduleDir);

(async () => {
    const file = process.argv[2];
    const text = fs.readFileSync(file, 'utf8');
    const start = process.hrtime.bigint();
    const json = await parse(path.basename(file), text);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const count = Object.keys((json.definitions && json.definitions[0] && json.definitions[0].backend) || {}).length;
    process.stdout.write(`parse_ms=${ms.toFixed(1)} backends=${count}\n`);
})().catch((e) => {
    process.stderr.write(String((e && e.message) || e) + '\n');
    process.exit(1);
});
