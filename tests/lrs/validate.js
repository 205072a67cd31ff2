// Validates xAPI 1.0.3 statements with @learninglocker/xapi-validation.
// Usage: NODE_PATH=<dir>/node_modules node validate.js FILE.json   (a JSON array of statements, or an outbox file)
// Prints one line per problem and `validate: N passed, M failed`; exits 1 on any problem.
'use strict';
const fs = require('fs');
const mod = require('@learninglocker/xapi-validation');
const validate = mod.default || mod;
const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const statements = Array.isArray(data) ? data : data.statements;
let passed = 0, failed = 0;
for (const s of statements) {
  const warnings = validate(s);
  if (warnings.length === 0) { passed++; continue; }
  failed++;
  for (const w of warnings) {
    const path = (w.path || []).join('.');
    console.log(`invalid ${s.id}: ${path}: ${w.constructor && w.constructor.name} ${JSON.stringify(w.data === undefined ? null : w.data).slice(0, 120)}`);
  }
}
// Self-check: the validator must reject a broken statement, or it is not checking anything.
const broken = validate({ id: 'not-a-uuid', actor: {}, verb: { id: 'x' }, object: { id: 'y' },
  result: { score: { scaled: 2 }, duration: '83.5 seconds' } });
if (broken.length < 4) { console.log('validate: the validator accepted a broken statement'); failed++; }
console.log(`validate: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
