// Prints @cdktf/hcl2json's JSON for each HCL file given on the command line, as one JSON object
// { "<path>": <json> | { "__error": "<message>" } }. Used by tst_hcl2json as an independent parser.
'use strict';
const fs = require('fs');
const path = require('path');

const moduleDir = process.env.HCL2JSON_MODULE
    || path.join(__dirname, '..', 'authserver', 'node_modules', '@cdktf', 'hcl2json');
const { parse } = require(moduleDir);

(async () => {
    const out = {};
    for (const file of process.argv.slice(2)) {
        try {
            out[file] = await parse(path.basename(file), fs.readFileSync(file, 'utf8'));
        } catch (e) {
            out[file] = { __error: String((e && e.message) || e) };
        }
    }
    process.stdout.write(JSON.stringify(out));
})();
