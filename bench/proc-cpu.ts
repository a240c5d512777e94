import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of processes from Linux /proc (diagnostics only; undefined elsewhere). Used by the
 * profiling scripts to say which of browser, production server and simulator spent a run's CPU.
 */
interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime in ms. */
  cpuMs: number;
}

/** Parses one /proc/<pid>/stat line (the command name may hold spaces and parentheses). */
export function parseProcStat(line: string, ticksPerSecond = 100): ProcStat | undefined {
  const close = line.lastIndexOf(')');
  const pid = Number(line.slice(0, line.indexOf(' ')));
  if (close < 0 || !Number.isInteger(pid)) return undefined;
  // After ") ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
  const fields = line.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ppid) || !Number.isFinite(ticks)) return undefined;
  return { pid, ppid, cpuMs: (ticks * 1000) / ticksPerSecond };
}

function allProcesses(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) out.push(stat);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU ms of one process (without its children). */
export function processCpuMs(pid: number): number | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.cpuMs;
  } catch {
    return undefined;
  }
}

/** Total CPU ms of `root` and its live descendants, minus the subtrees of `exclude`. */
export function treeCpuMs(
  root: number,
  exclude: readonly number[] = [],
  processes: readonly ProcStat[] = allProcesses(),
): number {
  const children = new Map<number, ProcStat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const self = processes.find((p) => p.pid === root);
  let total = 0;
  const stack = self ? [self] : [];
  while (stack.length > 0) {
    const p = stack.pop();
    if (!p || exclude.includes(p.pid)) continue;
    total += p.cpuMs;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return total;
}

/**
 * Chromium's `--type=` of a process ("browser" without one), from its command line. Chromium
 * rewrites the command line of its children into one space-separated string, hence both splits.
 */
export function chromiumTypeOf(cmdline: string): string {
  const args = cmdline.split(/[\0 ]/);
  const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
  if (type !== 'utility') return type ?? 'browser';
  const service = args
    .find((a) => a.startsWith('--utility-sub-type='))
    ?.split('=')[1]
    ?.split('.')[0];
  return `utility:${service ?? '?'}`;
}

/** CPU ms of the live descendants of `root` (not `root` itself), by Chromium process type. */
export function descendantCpuByType(root: number, exclude: readonly number[] = []) {
  const processes = allProcesses();
  const children = new Map<number, ProcStat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const totals = new Map<string, number>();
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const p = stack.pop();
    if (!p || exclude.includes(p.pid)) continue;
    let type = '?';
    try {
      type = chromiumTypeOf(readFileSync(`/proc/${p.pid}/cmdline`, 'utf8'));
    } catch {
      // gone meanwhile
    }
    totals.set(type, (totals.get(type) ?? 0) + p.cpuMs);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return totals;
}
