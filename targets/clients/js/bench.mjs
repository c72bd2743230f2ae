// The driver protocol's overhead over the client called in a loop: ROUNDS
// rounds, each timing N calls in the loop (bench-loop.mjs) then N requests
// through one driver process (bench-driver.mjs), so that both see the same
// machine load; prints each side's rate and the per-round ratio of time per
// case, driver/loop (the goal: at most 1.20).
// Usage: node bench.mjs ENDPOINT [N] [ROUNDS]
import { openDriver } from "./bench-driver.mjs";
import { openLoop } from "./bench-loop.mjs";
import { rate, WARMUP } from "./bench-common.mjs";

const [endpoint, n = "200", rounds = "20"] = process.argv.slice(2);
const loop = await openLoop(endpoint);
const driver = await openDriver(endpoint);
const loopRates = [];
const driverRates = [];
let loopCPU = 0; // seconds of this process's CPU while the loop ran
let driverCPU = 0; // seconds of the driver process's CPU while requests ran
try {
  await rate(loop.call, WARMUP);
  await rate(driver.call, WARMUP);
  for (let r = 0; r < Number(rounds); r++) {
    const cpu = process.cpuUsage();
    loopRates.push(await rate(loop.call, Number(n)));
    const used = process.cpuUsage(cpu);
    loopCPU += (used.user + used.system) / 1e6;
    const before = driver.cpuSeconds();
    driverRates.push(await rate(driver.call, Number(n)));
    driverCPU += driver.cpuSeconds() - before;
  }
} finally {
  await loop.close();
  await driver.close();
}
const ratios = loopRates.map((l, i) => l / driverRates[i]);
console.log(`${rounds} rounds of ${n} calls each side`);
console.log(`loop   (client in-process):  ${summary(loopRates, 0)} calls/s`);
console.log(`driver (JSON-lines protocol): ${summary(driverRates, 0)} calls/s`);
console.log(`time per case, driver/loop:   ${summary(ratios, 3)} (goal <= 1.20)`);
const cases = Number(n) * Number(rounds);
console.log(`CPU per case: loop ${(loopCPU / cases * 1e6).toFixed(0)} us, driver process ${(driverCPU / cases * 1e6).toFixed(0)} us (ratio ${(driverCPU / loopCPU).toFixed(3)}; the gate's own side not counted)`);

// summary: median, quartiles and range.
function summary(xs, digits) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(digits);
  return `median ${at(0.5)} (quartiles ${at(0.25)}-${at(0.75)}, range ${s[0].toFixed(digits)}-${s[s.length - 1].toFixed(digits)})`;
}
