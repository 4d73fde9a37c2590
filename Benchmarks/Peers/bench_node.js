'use strict';
// Times the Node peer of ../shared/tools/peers (peer_plain.js) the way the BERS benchmarks time
// BERS: a fresh resolve of the shared workload for production (files re-read), and a nested lookup.
// Usage: node bench_node.js [SHARED_DIR]   (default ../../../shared, or $BERS_SHARED)
const path = require('path');
const shared = process.argv[2] || process.env.BERS_SHARED || path.join(__dirname, '..', '..', '..', 'shared');
const peer = require(path.join(shared, 'tools', 'peers', 'peer_plain.js'));
const configDir = path.join(shared, 'bench', 'workload', 'config');

function percentile(sorted, p) { return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]; }

function time(label, iterations, body) {
  for (let i = 0; i < Math.max(100, iterations / 10); i++) body();
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    body();
    samples.push(Number(process.hrtime.bigint() - start));
  }
  samples.sort((a, b) => a - b);
  const row = { label, count: iterations, min: samples[0], median: percentile(samples, 0.5), p95: percentile(samples, 0.95),
                p99: percentile(samples, 0.99), max: samples[samples.length - 1] };
  console.log(JSON.stringify(row));
  return row;
}

time('plain-node resolve production (ns)', 20000, () => peer.resolve('production', configDir, {}));
time('plain-node resolve production with BERS__API__TIMEOUT (ns)', 20000,
     () => peer.resolve('production', configDir, { BERS__API__TIMEOUT: '15000' }));
const config = peer.resolve('production', configDir, {});
let sink = 0;
const lookups = 10000000;
const start = process.hrtime.bigint();
for (let i = 0; i < lookups; i++) sink += config.api.timeout;
const perLookup = Number(process.hrtime.bigint() - start) / lookups;
console.log(JSON.stringify({ label: 'plain-node lookup api.timeout (ns)', median: perLookup, sink: sink > 0 }));
